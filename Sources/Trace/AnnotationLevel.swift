/// How much the engine says while a demo or program runs.
///
/// - `off`: the program's output only, exactly as python3 prints it.
/// - `output`: each printed line gets a gutter with the time and the printing thread (`AnnotatingSink`),
///   and a summary and a timeline follow the run.
/// - `events`: as `output`, plus short engine notes between the lines: threads starting and ending, lock
///   waits and hand-overs, joins, sleeps, condition waits (`EventNarrator`). GIL switches are too many
///   to narrate; the summary counts them.
public enum AnnotationLevel: String, CaseIterable, Sendable {
    case off, output, events

    /// Parses `off|output|events` (also `0|1|2`, `on` = output).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "off", "0", "none": self = .off
        case "output", "1", "on": self = .output
        case "events", "2", "all": self = .events
        default: return nil
        }
    }

    /// Whether output lines get the time/thread gutter.
    public var annotatesOutput: Bool { self != .off }
    /// Whether a summary and timeline follow a run.
    public var showsSummary: Bool { self != .off }
}
