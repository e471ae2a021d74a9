/// A Python `SyntaxError` (or one of its subclasses) raised while lexing or
/// parsing. Field meanings follow CPython's `SyntaxError` attributes.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    /// Which Python exception class this is.
    public var kind: Kind
    /// The message (`msg` in CPython), e.g. `invalid syntax`.
    public var message: String
    public var filename: String
    /// 1-based line number (`lineno`).
    public var line: Int
    /// 1-based character column (`offset`); 0 when unknown.
    public var column: Int
    /// The source line containing the error (`text`), including its newline
    /// when the source line had one, as in CPython. Nil when unknown.
    public var text: String?
    /// `end_lineno`; nil when unknown.
    public var endLine: Int?
    /// 1-based exclusive end column (`end_offset`); nil when unknown, -1 when
    /// CPython reports -1 (which suppresses extra carets).
    public var endColumn: Int?

    public init(kind: Kind = .syntaxError, message: String, filename: String, line: Int, column: Int,
                text: String?, endLine: Int? = nil, endColumn: Int? = nil) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.text = text
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Builds an error located at an AST node (for later compile stages, e.g.
    /// `'return' outside function`). `loc` columns are 0-based as in the AST;
    /// the source line is looked up in `source`.
    public init(kind: Kind = .syntaxError, message: String, filename: String, loc: SourceLocation, source: String?) {
        self.init(kind: kind, message: message, filename: filename, line: loc.line, column: loc.column + 1,
                  text: source.flatMap { SyntaxError.sourceLine($0, line: loc.line) },
                  endLine: loc.endLine, endColumn: loc.endColumn + 1)
    }

    /// The `line`-th (1-based) line of `source`, including its trailing
    /// newline if it has one; nil if out of range.
    public static func sourceLine(_ source: String, line: Int) -> String? {
        guard line >= 1 else { return nil }
        var current = 1
        var result = ""
        var found = false
        for ch in source.unicodeScalars {
            if current == line {
                found = true
                result.unicodeScalars.append(ch)
                if ch == "\n" { return result }
            } else if ch == "\n" {
                current += 1
                if current > line { break }
            }
        }
        return found || current == line ? result : nil
    }

    public var description: String { "\(kind.rawValue): \(message) (\(filename), line \(line))" }

    /// Renders the error the way CPython 3.11 prints a `SyntaxError` at the end
    /// of a traceback:
    ///
    ///       File "t.py", line 1
    ///         x = (1 +
    ///             ^
    ///     SyntaxError: '(' was never closed
    ///
    /// The result ends with a newline.
    public func formatted() -> String {
        var out = "  File \"\(filename)\", line \(line)\n"
        if let text {
            out += SyntaxError.errorText(text: text, line: line, column: column, endLine: endLine, endColumn: endColumn, kind: kind)
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }

    /// Mirrors CPython 3.11's `print_error_text` (pythonrun.c). CPython
    /// stores character offsets but prints them as UTF-8 byte offsets, so
    /// carets under non-ASCII text are placed the way CPython places them.
    static func errorText(text: String, line: Int, column: Int, endLine: Int?, endColumn: Int?, kind: Kind) -> String {
        var bytes = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        // 1-based character offset -> 1-based byte offset.
        func toBytes(_ o: Int) -> Int {
            guard o > 1 else { return o }
            var n = 0
            for k in 0..<(o - 1) {
                n += k < scalars.count ? UTF8.width(scalars[k]) : 1
            }
            return n + 1
        }
        var offset = toBytes(column)
        var endOffset = endColumn ?? -1
        var endLn = endLine ?? line
        if kind != .syntaxError {
            // SyntaxError subclasses are printed without an end position.
            endLn = line
            endOffset = -1
        }
        if endOffset > 0 { endOffset = toBytes(endOffset) }
        let lineSize = bytes.count
        if endLn > line { endOffset = lineSize }
        if endOffset > lineSize + 1 { endOffset = lineSize + 1 }
        let caretRepetitions = (endOffset > 0 && endOffset > offset) ? endOffset - offset : 1

        offset -= 1
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0C {
            start += 1
            offset -= 1
        }
        bytes.removeFirst(start)
        var len = bytes.count
        if len > 0, bytes[len - 1] == 0x0A { len -= 1 }
        if offset > len { offset = len }
        // Skip past newlines embedded in text.
        while let nl = bytes.firstIndex(of: 0x0A) {
            if nl >= offset { break }
            let inl = nl + 1
            bytes.removeFirst(inl)
            len -= inl
            offset -= inl
        }
        var out = "    " + String(decoding: bytes, as: UTF8.self)
        if len >= bytes.count || bytes[len] != 0x0A { out += "\n" }
        if offset < 0 { return out }
        out += "    "
        out += String(repeating: " ", count: offset)
        out += String(repeating: "^", count: max(caretRepetitions, 0))
        out += "\n"
        return out
    }
}
