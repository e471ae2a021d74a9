import Syntax

/// The lines typed so far for one input, and what to do after each new line: CPython's REPL rules
/// (`codeop`), decided by `Parser.interactiveStatus`.
///
/// - At the `>>> ` prompt, an empty line does nothing and a line starting with `:` is a meta-command.
/// - A statement runs as soon as it is complete; a compound statement (`def`, `if`, `for`, …) needs the
///   empty line that ends it (a line of only spaces counts as empty).
/// - Open brackets, open triple-quoted strings and trailing backslashes ask for more lines (`... `).
public struct InputBuffer {
    public enum Decision: Equatable {
        /// Nothing to do (an empty line at the `>>> ` prompt).
        case skip
        /// A meta-command line, without leading spaces (`:open 04`).
        case meta(String)
        /// Show `... ` and read another line.
        case needMore
        /// Run this source (ends with a newline); the buffer is now empty.
        case run(String)
        /// The input can never become valid; the buffer is now empty.
        case invalid(SyntaxError)
    }

    public private(set) var lines: [String] = []

    public init() {}

    public var isEmpty: Bool { lines.isEmpty }
    /// The prompt for the next line.
    public var prompt: String { lines.isEmpty ? ">>> " : "... " }

    public mutating func reset() { lines.removeAll() }

    public mutating func feed(_ line: String) -> Decision {
        let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        if lines.isEmpty {
            if blank { return .skip }
            let lead = line.drop { $0 == " " || $0 == "\t" }
            if lead.hasPrefix(":") { return .meta(String(lead)) }
        }
        lines.append(blank ? "" : line)
        let source = lines.joined(separator: "\n")
        switch Parser.interactiveStatus(source) {
        case .incomplete:
            return .needMore
        case .complete:
            lines.removeAll()
            return .run(source + "\n")
        case .invalid(let error):
            lines.removeAll()
            return .invalid(error)
        }
    }

    /// At end of input: what is left to run (CPython runs an unfinished block at EOF), emptying the buffer.
    public mutating func flushAtEOF() -> String? {
        guard !lines.isEmpty else { return nil }
        defer { lines.removeAll() }
        return lines.joined(separator: "\n") + "\n"
    }
}
