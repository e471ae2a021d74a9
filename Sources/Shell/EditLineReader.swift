import Foundation
import CEditLine
import Syntax

/// The line editor on a terminal: libedit through its readline-compatible API.
///
/// libedit reads keys through `rl_getc_function`, which is ours: it polls stdin in short slices so a
/// Ctrl-C (seen by the SIGINT watcher, not by libedit) can end the read, and it decodes UTF-8 itself,
/// so a byte sequence that is not UTF-8 is reported instead of reaching the parser. Tab runs
/// `completer` (names, attributes, meta-commands, indentation at the start of a line).
public final class EditLineReader: LineReader {
    /// Given the text before the word being completed and the word, the replacements for the word.
    public typealias CompletionProvider = (_ before: String, _ word: String) -> [String]

    public var completer: CompletionProvider?
    private let history: HistoryFile?

    /// The reader libedit's callbacks talk to (libedit itself is one global editor).
    nonisolated(unsafe) fileprivate static var active: EditLineReader?
    nonisolated(unsafe) private static var initialized = false

    // State of the read in progress, used by the C callbacks.
    fileprivate var interrupted: () -> Bool = { false }
    fileprivate var wasInterrupted = false
    fileprivate var rawBytes: [UInt8] = []
    fileprivate var sawInvalidUTF8 = false
    fileprivate var candidates: [String] = []
    fileprivate var candidateIndex = 0

    public init(history: HistoryFile?) {
        self.history = history
        EditLineReader.active = self
        EditLineReader.setUp()
        if let history {
            for entry in history.load() { _ = entry.withCString { add_history($0) } }
        }
    }

    public var isInteractive: Bool { true }

    /// Makes sure the C library decodes and displays UTF-8 (libedit works in wide characters using the
    /// locale's multibyte encoding).
    static func ensureUTF8Locale() {
        if let l = setlocale(LC_CTYPE, ""), String(cString: l).lowercased().contains("utf") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    private static func setUp() {
        guard !initialized else { return }
        initialized = true
        ensureUTF8Locale()
        rl_readline_name = UnsafePointer(strdup("interleave"))
        // Our SIGINT handler stays in charge; libedit must not install its own (it re-raises the
        // signal to the whole process group).
        rl_catch_signals = 0
        rl_getc_function = editLineGetc
        // Break words on Python's operators and brackets, but not on `.` (attributes) or `:` (meta-commands).
        let breaks = " \t\n`~!@#$%^&*()-=+[{]}\\|;'\",<>/?"
        rl_basic_word_break_characters = UnsafePointer(strdup(breaks))
        rl_completer_word_break_characters = strdup(breaks)
        rl_attempted_completion_function = editLineComplete
        rl_initialize()
        using_history()
        stifle_history(1000)
    }

    public func readLine(prompt: String, interrupted: @escaping () -> Bool) -> LineInput {
        EditLineReader.active = self
        self.interrupted = interrupted
        wasInterrupted = false
        sawInvalidUTF8 = false
        rawBytes.removeAll(keepingCapacity: true)
        let result = prompt.withCString { readline($0) }
        self.interrupted = { false }
        if wasInterrupted {
            if let r = result { free(r) }
            return .interrupt
        }
        guard let r = result else { return .eof }
        let line = String(cString: r)
        free(r)
        if sawInvalidUTF8 {
            var raw = rawBytes
            while let last = raw.last, last == 0x0A || last == 0x0D { raw.removeLast() }
            do {
                _ = try Parser.decodeSource(raw, filename: "<stdin>")
            } catch {
                return .invalid(error)
            }
            return .invalid(SyntaxError(message: "(unicode error) 'utf-8' codec can't decode the input",
                                        filename: "<stdin>", line: 1, column: 0, text: nil))
        }
        return .line(line)
    }

    public func addHistory(_ entry: String) {
        guard !entry.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        _ = entry.withCString { add_history($0) }
        history?.append(entry)
    }

    /// One key press for libedit: a Unicode scalar, or -1 at end of input or on Ctrl-C.
    fileprivate func nextCharacter() -> Int32 {
        var byte: UInt8 = 0
        func readByte(wait: Bool) -> Int {
            while true {
                if wait && interrupted() { wasInterrupted = true; return -2 }
                var pfd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                let r = poll(&pfd, 1, wait ? 50 : 200)
                if r == 0 { if wait { continue } else { return -1 } }
                if r < 0 { if errno == EINTR { continue }; return -1 }
                let n = read(0, &byte, 1)
                if n == 1 { rawBytes.append(byte); return Int(byte) }
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                return -1
            }
        }
        let first = readByte(wait: true)
        if first < 0 { return -1 }
        let b = UInt8(first)
        if b < 0x80 { return Int32(b) }
        var need: Int
        var value: UInt32
        switch b {
        case 0xC2...0xDF: need = 1; value = UInt32(b & 0x1F)
        case 0xE0...0xEF: need = 2; value = UInt32(b & 0x0F)
        case 0xF0...0xF4: need = 3; value = UInt32(b & 0x07)
        default:
            sawInvalidUTF8 = true
            return 0xFFFD
        }
        while need > 0 {
            let next = readByte(wait: false)
            guard next >= 0, UInt8(next) & 0xC0 == 0x80 else {
                sawInvalidUTF8 = true
                return 0xFFFD
            }
            value = (value << 6) | UInt32(UInt8(next) & 0x3F)
            need -= 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            sawInvalidUTF8 = true
            return 0xFFFD
        }
        return Int32(scalar.value)
    }

    fileprivate func complete(text: String, start: Int) -> [String] {
        guard let completer else { return [] }
        let line = rl_line_buffer.map { String(cString: $0) } ?? ""
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(start)))
        return completer(before, text)
    }
}

private func editLineGetc(_ file: UnsafeMutablePointer<FILE>?) -> Int32 {
    EditLineReader.active?.nextCharacter() ?? -1
}

private func editLineComplete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    rl_completion_append_character = 0
    guard let reader = EditLineReader.active, let text else { return nil }
    let word = String(cString: text)
    reader.candidates = reader.complete(text: word, start: Int(start))
    reader.candidateIndex = 0
    guard !reader.candidates.isEmpty else { return nil }
    return rl_completion_matches(text, editLineCandidate)
}

private func editLineCandidate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let reader = EditLineReader.active else { return nil }
    if state == 0 { reader.candidateIndex = 0 }
    guard reader.candidateIndex < reader.candidates.count else { return nil }
    defer { reader.candidateIndex += 1 }
    return strdup(reader.candidates[reader.candidateIndex])
}
