import Foundation
import CEditLine
import Syntax

/// The line editor on a terminal: libedit's native `el_*` API.
///
/// libedit reads keys through our reader function, which polls stdin in short slices so a Ctrl-C (seen by
/// the SIGINT watcher, not by libedit) can end the read, notices terminal resizes, and decodes UTF-8
/// itself, so bytes that are not UTF-8 are reported instead of reaching the parser. Tab runs `completer`
/// (names, attributes, meta-commands, indentation on a blank line): a unique completion is inserted, a
/// common prefix is inserted, and otherwise the candidates are listed.
public final class EditLineReader: LineReader {
    /// Given the text before the word being completed and the word, the replacements for the word.
    public typealias CompletionProvider = (_ before: String, _ word: String) -> [String]

    public var completer: CompletionProvider?
    private let history: HistoryFile?
    private let editor: OpaquePointer
    private let hist: OpaquePointer

    /// The reader libedit's callbacks talk to (the process has one terminal).
    nonisolated(unsafe) fileprivate static var active: EditLineReader?

    // State of the read in progress, used by the C callbacks.
    fileprivate var prompt: UnsafeMutablePointer<CChar> = strdup(">>> ")
    fileprivate var interrupted: () -> Bool = { false }
    fileprivate var wasInterrupted = false
    fileprivate var rawBytes: [UInt8] = []
    fileprivate var sawInvalidUTF8 = false

    /// Characters that end the word Tab completes (`.` and `:` do not: attributes and meta-commands).
    static let wordBreaks = Set(" \t\n`~!@#$%^&*()-=+[{]}\\|;'\",<>/?")

    public init(history: HistoryFile?) {
        self.history = history
        EditLineReader.ensureUTF8Locale()
        EditLineReader.installResizeHandler()
        editor = el_init("interleave", stdin, stdout, stderr)
        hist = history_init()
        interleave_history_setsize(hist, 1000)
        interleave_el_configure(editor, editLinePrompt, editLineGetc, hist, editLineComplete, editLineEOF)
        EditLineReader.active = self
        if let history {
            for entry in history.load() { _ = interleave_history_enter(hist, entry) }
        }
    }

    deinit {
        el_end(editor)
        history_end(hist)
        free(prompt)
    }

    public var isInteractive: Bool { true }

    /// Makes sure the C library decodes and displays UTF-8 (libedit works in wide characters using the
    /// locale's multibyte encoding).
    static func ensureUTF8Locale() {
        if let l = setlocale(LC_CTYPE, ""), String(cString: l).lowercased().contains("utf") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    nonisolated(unsafe) fileprivate static var resized: sig_atomic_t = 0
    nonisolated(unsafe) private static var resizeInstalled = false

    private static func installResizeHandler() {
        guard !resizeInstalled else { return }
        resizeInstalled = true
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in EditLineReader.resized = 1 }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &sa, nil)
    }

    public func readLine(prompt: String, interrupted: @escaping () -> Bool) -> LineInput {
        EditLineReader.active = self
        free(self.prompt)
        self.prompt = strdup(prompt)
        self.interrupted = interrupted
        wasInterrupted = false
        sawInvalidUTF8 = false
        rawBytes.removeAll(keepingCapacity: true)
        if EditLineReader.resized != 0 {
            EditLineReader.resized = 0
            el_resize(editor)
        }
        var count: Int32 = 0
        let result = el_gets(editor, &count)
        self.interrupted = { false }
        if wasInterrupted {
            // Forget the cancelled text (and leave the terminal in its normal mode).
            el_reset(editor)
            return .interrupt
        }
        guard let r = result, count > 0 else { return .eof }
        var line = String(cString: r)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
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
        _ = interleave_history_enter(hist, entry)
        history?.append(entry)
    }

    /// One key press for libedit: 1 and the character, or 0 at end of input and on Ctrl-C.
    fileprivate func nextCharacter(_ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
        var byte: UInt8 = 0
        func readByte(wait: Bool) -> Int {
            while true {
                if wait && interrupted() { wasInterrupted = true; return -2 }
                if wait && EditLineReader.resized != 0 {
                    EditLineReader.resized = 0
                    el_resize(editor)
                }
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
        func deliver(_ v: UInt32) -> Int32 {
            out?.pointee = wchar_t(bitPattern: v)
            return 1
        }
        let first = readByte(wait: true)
        if first < 0 { return 0 }
        let b = UInt8(first)
        if b < 0x80 { return deliver(UInt32(b)) }
        var need: Int
        var value: UInt32
        switch b {
        case 0xC2...0xDF: need = 1; value = UInt32(b & 0x1F)
        case 0xE0...0xEF: need = 2; value = UInt32(b & 0x0F)
        case 0xF0...0xF4: need = 3; value = UInt32(b & 0x07)
        default:
            sawInvalidUTF8 = true
            return deliver(0xFFFD)
        }
        while need > 0 {
            let next = readByte(wait: false)
            guard next >= 0, UInt8(next) & 0xC0 == 0x80 else {
                sawInvalidUTF8 = true
                return deliver(0xFFFD)
            }
            value = (value << 6) | UInt32(UInt8(next) & 0x3F)
            need -= 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            sawInvalidUTF8 = true
            return deliver(0xFFFD)
        }
        return deliver(scalar.value)
    }

    /// Tab: completes the word before the cursor, or lists the candidates.
    fileprivate func complete() -> UInt8 {
        guard let completer, let info = el_line(editor)?.pointee, let buffer = info.buffer, let cursor = info.cursor
        else { return UInt8(CC_NORM) }
        let length = cursor - buffer
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
        let beforeCursor = String(decoding: bytes, as: UTF8.self)
        let (before, word) = EditLineReader.splitWord(beforeCursor)
        let matches = completer(before, word)
        guard !matches.isEmpty else { return UInt8(CC_NORM) }
        let common = EditLineReader.commonPrefix(matches)
        if common.unicodeScalars.count > word.unicodeScalars.count || (matches.count == 1 && common != word) {
            el_deletestr(editor, Int32(word.unicodeScalars.count))
            _ = el_insertstr(editor, common)
            return UInt8(CC_REFRESH)
        }
        if matches.count == 1 { return UInt8(CC_NORM) }
        // `threading.Th` lists `Thread(  ThreadError(`, as the word's dotted head is the same for all.
        var shown = matches
        if let dot = word.lastIndex(of: ".") {
            let head = word[...dot]
            if matches.allSatisfy({ $0.hasPrefix(head) }) { shown = matches.map { String($0.dropFirst(head.count)) } }
        }
        let list = EditLineReader.columns(shown, width: EditLineReader.terminalWidth())
        FileHandle.standardOutput.write(Data(("\n" + list).utf8))
        return UInt8(CC_REDISPLAY)
    }

    /// Splits the text before the cursor into what precedes the word being completed and the word.
    static func splitWord(_ text: String) -> (before: String, word: String) {
        guard let cut = text.lastIndex(where: { wordBreaks.contains($0) }) else { return ("", text) }
        let start = text.index(after: cut)
        return (String(text[..<start]), String(text[start...]))
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var common = Array(first.unicodeScalars)
        for s in strings.dropFirst() {
            let other = Array(s.unicodeScalars)
            var n = 0
            while n < common.count && n < other.count && common[n] == other[n] { n += 1 }
            common.removeSubrange(n...)
        }
        return String(String.UnicodeScalarView(common))
    }

    /// Candidates in columns, sorted down each column as readline lists them; at most `limit` shown.
    static func columns(_ items: [String], width: Int, limit: Int = 120) -> String {
        let shown = Array(items.prefix(limit))
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let cols = max(1, width / max(cell, 1))
        let rows = (shown.count + cols - 1) / cols
        var out = ""
        for r in 0..<rows {
            var line = ""
            for c in 0..<cols {
                let i = c * rows + r
                guard i < shown.count else { break }
                let item = shown[i]
                line += (c == cols - 1 || i + rows >= shown.count) ? item : item.padding(toLength: cell, withPad: " ", startingAt: 0)
            }
            out += line + "\n"
        }
        if items.count > shown.count { out += "… and \(items.count - shown.count) more: type more letters\n" }
        return out
    }

    static func terminalWidth() -> Int {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }
}

private func editLinePrompt(_ el: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    EditLineReader.active?.prompt
}

private func editLineGetc(_ el: OpaquePointer?, _ c: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    EditLineReader.active?.nextCharacter(c) ?? 0
}

/// Ctrl-D: end of input on an empty line, else delete the character under the cursor.
private func editLineEOF(_ el: OpaquePointer?, _ ch: Int32) -> UInt8 {
    guard let el, let info = el_line(el)?.pointee else { return UInt8(CC_EOF) }
    if info.buffer == info.lastchar { return UInt8(CC_EOF) }
    guard info.cursor != info.lastchar else { return UInt8(CC_NORM) }
    _ = el_cursor(el, 1)
    el_deletestr(el, 1)
    return UInt8(CC_REFRESH)
}

private func editLineComplete(_ el: OpaquePointer?, _ ch: Int32) -> UInt8 {
    EditLineReader.active?.complete() ?? UInt8(CC_NORM)
}
