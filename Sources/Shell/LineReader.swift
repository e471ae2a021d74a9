import Foundation
import Syntax

/// What reading one line of input gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C while waiting: the line (and any block being typed) is cancelled.
    case interrupt
    /// End of input (Ctrl-D on an empty line, or the end of piped input).
    case eof
    /// The line was not valid UTF-8: the SyntaxError CPython reports for it.
    case invalid(SyntaxError)
}

/// Where the REPL's lines come from: the line editor on a terminal, plain reads when piped.
public protocol LineReader: AnyObject {
    /// Whether prompts are shown and the user types at a terminal.
    var isInteractive: Bool { get }
    /// Reads one line showing `prompt` (interactive readers only). `interrupted` is polled while waiting;
    /// when it returns true the read ends with `.interrupt`.
    func readLine(prompt: String, interrupted: @escaping () -> Bool) -> LineInput
    /// Records an entry for Up-arrow recall (and the history file).
    func addHistory(_ entry: String)
}

/// Reads lines from a file descriptor (piped stdin): no prompts, no editing, no history.
public final class PipeLineReader: LineReader {
    public let fd: Int32
    private var buffer: [UInt8] = []
    private var atEOF = false

    public init(fd: Int32 = 0) { self.fd = fd }

    public var isInteractive: Bool { false }

    public func addHistory(_ entry: String) {}

    public func readLine(prompt: String, interrupted: @escaping () -> Bool) -> LineInput {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                var bytes = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if bytes.last == 0x0D { bytes.removeLast() }
                return PipeLineReader.decode(bytes)
            }
            if atEOF {
                if buffer.isEmpty { return .eof }
                let bytes = buffer
                buffer.removeAll()
                return PipeLineReader.decode(bytes)
            }
            switch fill(interrupted: interrupted) {
            case .data: continue
            case .eof: atEOF = true
            case .interrupted: return .interrupt
            }
        }
    }

    private enum Fill { case data, eof, interrupted }

    private func fill(interrupted: () -> Bool) -> Fill {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if interrupted() { return .interrupted }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let r = poll(&pfd, 1, 50)
            if r == 0 { continue }
            if r < 0 {
                if errno == EINTR { continue }
                return .eof
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[..<n]); return .data }
            if n == 0 { return .eof }
            if errno == EINTR || errno == EAGAIN { continue }
            return .eof
        }
    }

    /// A line's bytes as text, or CPython's SyntaxError for invalid UTF-8.
    static func decode(_ bytes: [UInt8]) -> LineInput {
        do {
            return .line(try Parser.decodeSource(bytes, filename: "<stdin>"))
        } catch {
            return .invalid(error)
        }
    }
}
