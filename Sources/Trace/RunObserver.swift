import Foundation
import Runtime

/// Everything that watches one demo or program run: a `TraceRecorder` (when a summary, timeline or trace
/// file is wanted), an `EventNarrator` (level `events`), and at the end the summary and timeline text
/// and the trace file's new recording.
///
/// Use: `start()` just before the code runs (on the thread that runs it), `finish(label:)` after.
public final class RunObserver {
    public let interpreter: Interpreter
    /// Whether `finish` renders a summary and a timeline.
    public let showsSummary: Bool
    public let traceFile: ChromeTraceFile?
    /// Terminal columns for the timeline, and whether to colour it.
    public var width: Int
    public var colour: Bool
    private var recorder: TraceRecorder?
    private var narrator: EventNarrator?

    /// - Parameters:
    ///   - notes: narrate engine events through this annotator (level `events`); nil for none.
    ///   - summary: render a summary and a timeline at the end (levels `output` and `events`).
    ///   - traceFile: add the run's recording to this Chrome trace file.
    public init(interpreter: Interpreter, notes: AnnotatingSink?, summary: Bool,
                traceFile: ChromeTraceFile?, width: Int = 80, colour: Bool = false) {
        self.interpreter = interpreter
        self.showsSummary = summary
        self.traceFile = traceFile
        self.width = width
        self.colour = colour
        if summary || traceFile != nil { recorder = TraceRecorder(interpreter: interpreter) }
        if let notes { narrator = EventNarrator(interpreter: interpreter, sink: notes) }
    }

    /// As above, from an annotation level: notes at `events`, summary at `output` and `events`.
    public convenience init(interpreter: Interpreter, level: AnnotationLevel, annotator: AnnotatingSink?,
                            traceFile: ChromeTraceFile?, width: Int = 80, colour: Bool = false) {
        self.init(interpreter: interpreter, notes: level == .events ? annotator : nil,
                  summary: level.showsSummary, traceFile: traceFile, width: width, colour: colour)
    }

    public func start() {
        recorder?.start()
        narrator?.start()
    }

    /// What to show after the run (summary and timeline; empty at level `off`), and why the trace file
    /// could not be written, if it could not.
    public struct Report {
        public var text: String
        public var traceError: String?
        public var recording: Recording?
    }

    public func finish(label: String) -> Report {
        narrator?.stop()
        guard let recording = recorder?.stop() else { return Report(text: "", traceError: nil, recording: nil) }
        var traceError: String?
        if let file = traceFile {
            do { try file.append(recording, label: label) } catch {
                traceError = "could not write the trace to \(file.url.path): \((error as NSError).localizedDescription)"
            }
        }
        return Report(text: showsSummary ? render(recording) : "", traceError: traceError, recording: recording)
    }

    /// Summary, then timeline, each preceded by a blank line.
    public func render(_ r: Recording) -> String {
        let lanes = ThreadStates.lanes(r)
        return "\n" + RunSummary(r, lanes: lanes).render(colour: colour, width: width)
            + "\n" + TimelineRenderer(width: width, colour: colour).render(r, lanes: lanes)
    }
}
