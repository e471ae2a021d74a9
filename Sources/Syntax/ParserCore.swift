// Recursive-descent parser: shared state, token helpers and error handling.

/// Internal parse failure. A class, so that the many `throw` sites in the
/// recursive-descent functions only need a pointer-sized slot each (keeps
/// stack frames small in debug builds).
final class ParseError: Error, @unchecked Sendable {
    var error: SyntaxError
    /// A plain "invalid syntax" (or unexpected indent) at a token, which
    /// CPython may replace with a tokenizer error found later in the file.
    var isGeneric: Bool
    /// Raised by the lexer (the parser reached the error token).
    var fromLexer: Bool

    init(error: SyntaxError, isGeneric: Bool, fromLexer: Bool) {
        self.error = error
        self.isGeneric = isGeneric
        self.fromLexer = fromLexer
    }
}

let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

final class PyParser {
    let source: SourceText
    let filename: String
    var toks: [Token]
    var pos = 0
    /// Furthest token the current parse attempt looked at (reset when a
    /// speculative error check backtracks): the "invalid syntax" location.
    var maxPos = 0
    /// Furthest token ever looked at, including by error checks (CPython's
    /// `p->fill`); decides whether an unclosed bracket is blamed.
    var furthest = 0
    /// Nesting depth of recursive expression rules, to fail cleanly instead
    /// of overflowing the stack on pathological input.
    var depth = 0
    static let maxDepth = 2500
    let lexError: SyntaxError?
    let lexErrorKind: LexErrorKind
    /// Set when parsing the expression part of an f-string replacement field.
    let inFString: Bool

    init(source: SourceText, filename: String, tokens: [Token], lexError: SyntaxError?, lexErrorKind: LexErrorKind,
         inFString: Bool = false) {
        self.source = source
        self.filename = filename
        self.toks = tokens
        self.lexError = lexError
        self.lexErrorKind = lexErrorKind
        self.inFString = inFString
    }

    convenience init(_ source: SourceText, filename: String) {
        var lexer = Lexer(source: source, filename: filename)
        lexer.run()
        self.init(source: source, filename: filename, tokens: lexer.tokens, lexError: lexer.error,
                  lexErrorKind: lexer.errorKind)
        if lexer.error != nil, let p = lexer.parens.last {
            unclosedParenAtLexError = SyntaxError(kind: .syntaxError, message: "'\(Character(p.ch))' was never closed",
                                                  filename: filename, line: p.line, column: p.col + 1,
                                                  text: source.lineText(p.line), endLine: p.line, endColumn: 0)
        }
    }

    // MARK: token access

    @inline(__always) var tok: Token { toks[pos] }

    @inline(__always) func peekTok(_ n: Int) -> Token {
        let i = min(pos + n, toks.count - 1)
        if i > maxPos { maxPos = i }
        if i > furthest { furthest = i }
        return toks[i]
    }

    @discardableResult
    @inline(__always) func advance() -> Token {
        let t = toks[pos]
        if pos < toks.count - 1 { pos += 1 }
        if pos > maxPos { maxPos = pos }
        if pos > furthest { furthest = pos }
        return t
    }

    @inline(__always) func isOp(_ s: String) -> Bool {
        let t = toks[pos]
        return t.kind == .op && t.text == s
    }

    @inline(__always) func isKw(_ s: String) -> Bool {
        let t = toks[pos]
        return t.kind == .name && t.text == s
    }

    @inline(__always) func acceptOp(_ s: String) -> Bool {
        if isOp(s) { advance(); return true }
        return false
    }

    @inline(__always) func acceptKw(_ s: String) -> Bool {
        if isKw(s) { advance(); return true }
        return false
    }

    func expectOp(_ s: String) throws(ParseError) -> Token {
        if isOp(s) { return advance() }
        throw genericError()
    }

    func expectKw(_ s: String) throws(ParseError) -> Token {
        if isKw(s) { return advance() }
        throw genericError()
    }

    /// Expects a NAME token that is not a keyword.
    func expectName() throws(ParseError) -> Token {
        let t = tok
        if t.kind == .name && !pythonKeywords.contains(t.text) { return advance() }
        throw genericError()
    }

    var isName: Bool {
        let t = tok
        return t.kind == .name && !pythonKeywords.contains(t.text)
    }

    /// Location from the start of `start` to the end of the last consumed token.
    @inline(__always) func locFrom(_ start: Token) -> SourceLocation {
        let last = toks[max(pos - 1, 0)]
        return SourceLocation(line: start.line, column: start.column, endLine: last.endLine, endColumn: last.endColumn)
    }

    @inline(__always) func locFrom(index: Int) -> SourceLocation {
        let start = toks[index]
        let last = toks[max(pos - 1, 0)]
        return SourceLocation(line: start.line, column: start.column, endLine: last.endLine, endColumn: last.endColumn)
    }

    @inline(__always) func locFrom(_ start: SourceLocation) -> SourceLocation {
        let last = toks[max(pos - 1, 0)]
        return SourceLocation(line: start.line, column: start.column, endLine: last.endLine, endColumn: last.endColumn)
    }

    // MARK: errors

    /// Guards recursion; call as `try enter(); defer { depth -= 1 }`.
    @inline(__always) func enter() throws(ParseError) {
        depth += 1
        if depth > PyParser.maxDepth {
            throw errorAtLastToken("maximum recursion depth exceeded during compilation")
        }
    }

    func makeError(_ message: String, kind: SyntaxError.Kind = .syntaxError, line: Int, column: Int,
                   endLine: Int?, endColumn: Int?) -> ParseError {
        ParseError(error: SyntaxError(kind: kind, message: message, filename: filename, line: line, column: column,
                                      text: source.lineText(line), endLine: endLine, endColumn: endColumn),
                   isGeneric: false, fromLexer: false)
    }

    /// Error spanning token `t` (CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token).
    func error(at t: Token, _ message: String, kind: SyntaxError.Kind = .syntaxError) -> ParseError {
        if t.kind == .errorToken, let lexError { return ParseError(error: lexError, isGeneric: false, fromLexer: true) }
        if (t.kind == .endmarker && !inFString) || t.kind == .dedent {
            // Tokens without a position in CPython (col_offset -1).
            return makeError(message, kind: kind, line: t.line, column: t.column + 1, endLine: t.endLine, endColumn: -1)
        }
        return makeError(message, kind: kind, line: t.line, column: t.column + 1, endLine: t.endLine, endColumn: t.endColumn + 1)
    }

    /// Error spanning a source range (0-based columns as in the AST).
    func error(_ loc: SourceLocation, _ message: String) -> ParseError {
        makeError(message, line: loc.line, column: loc.column + 1, endLine: loc.endLine, endColumn: loc.endColumn + 1)
    }

    func error(from a: SourceLocation, to b: SourceLocation, _ message: String) -> ParseError {
        makeError(message, line: a.line, column: a.column + 1, endLine: b.endLine, endColumn: b.endColumn + 1)
    }

    /// Error at the last token fetched (CPython's RAISE_SYNTAX_ERROR).
    func errorAtLastToken(_ message: String, kind: SyntaxError.Kind = .syntaxError) -> ParseError {
        let t = toks[max(pos, maxPos)]
        return error(at: t, message, kind: kind)
    }

    /// The generic "invalid syntax" error at the furthest token looked at.
    func genericError() -> ParseError {
        let t = toks[max(pos, maxPos)]
        if t.kind == .errorToken, let lexError {
            return ParseError(error: lexError, isGeneric: false, fromLexer: true)
        }
        if t.kind == .indent {
            return ParseError(error: SyntaxError(kind: .indentationError, message: "unexpected indent", filename: filename,
                                                 line: t.line, column: t.endColumn, text: source.lineText(t.line),
                                                 endLine: t.line, endColumn: -1),
                              isGeneric: false, fromLexer: false)
        }
        if t.kind == .dedent {
            // CPython: the tokenizer's position (after the indentation, or
            // after the implicit final newline at end of input).
            let atEOF = t.start >= source.scalars.count
            return ParseError(error: SyntaxError(kind: .indentationError, message: "unexpected unindent", filename: filename,
                                                 line: t.line, column: atEOF ? t.column + 1 : t.column,
                                                 text: source.lineText(t.line), endLine: t.line, endColumn: -1),
                              isGeneric: false, fromLexer: false)
        }
        if t.kind == .endmarker && !inFString {
            // RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token with col_offset -1.
            let e = makeError("invalid syntax", line: t.line, column: 0, endLine: t.line, endColumn: 0)
            e.isGeneric = true
            return e
        }
        let e = error(at: t, "invalid syntax")
        e.isGeneric = true
        return e
    }

    /// Applies CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`:
    /// after a parser error, the rest of the input is tokenized; a tokenizer
    /// error that raises takes priority, and an unclosed bracket is blamed if
    /// the parser had looked past the line where it was opened.
    func finalError(_ e: ParseError) -> SyntaxError {
        if e.fromLexer { return e.error }
        if e.error.kind == .indentationError && (e.error.message == "unexpected indent" || e.error.message == "unexpected unindent") {
            return e.error
        }
        guard let lexError else { return e.error }
        if lexErrorKind.takesPriority { return lexError }
        let errLine = toks[min(max(pos, maxPos, furthest), toks.count - 1)].line
        if let unclosed = unclosedParenAtLexError, errLine > unclosed.line {
            return unclosed
        }
        return e.error
    }

    /// The "'(' was never closed" error for the innermost bracket open when
    /// the lexer stopped, if any.
    var unclosedParenAtLexError: SyntaxError?
}

// MARK: - Public API

/// Result of checking whether REPL input is ready to run.
public enum InputStatus: Sendable, Equatable {
    /// The input is a complete statement: run it.
    case complete
    /// More lines are needed (open bracket, open triple-quoted string,
    /// trailing backslash, or an unfinished compound statement).
    case incomplete
    /// The input can never become valid.
    case invalid(SyntaxError)
}

public enum Parser {
    /// Parses a whole file (CPython's "exec" mode).
    public static func parseModule(_ source: String, filename: String) throws(SyntaxError) -> Module {
        let text = SourceText(source)
        try checkNullBytes(text, filename: filename)
        let p = PyParser(text, filename: filename)
        do {
            return try p.parseFile()
        } catch {
            throw p.finalError(error)
        }
    }

    /// Parses REPL input (one or more complete statements). Same result shape
    /// as `parseModule`.
    public static func parseInteractive(_ source: String, filename: String = "<stdin>") throws(SyntaxError) -> Module {
        try parseModule(source, filename: filename)
    }

    /// Parses a single expression (CPython's "eval" mode), e.g. for `eval()`.
    /// Leading whitespace and trailing newlines are allowed.
    public static func parseExpression(_ source: String, filename: String) throws(SyntaxError) -> Expr {
        // Like CPython's eval(), strip leading spaces and tabs.
        var s = Substring(source)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        let text = SourceText(String(s))
        try checkNullBytes(text, filename: filename)
        let p = PyParser(text, filename: filename)
        do {
            return try p.parseEvalInput()
        } catch {
            throw p.finalError(error)
        }
    }

    /// Tokenizes a whole file like CPython's C tokenizer: NAME, NUMBER,
    /// STRING, OP, NEWLINE, INDENT, DEDENT and a final ENDMARKER (no comment
    /// or blank-line tokens). Throws the first tokenizer error.
    public static func tokenize(_ source: String, filename: String = "<string>") throws(SyntaxError) -> [Token] {
        let text = SourceText(source)
        try checkNullBytes(text, filename: filename)
        var lexer = Lexer(source: text, filename: filename)
        lexer.run()
        if let error = lexer.error { throw error }
        return lexer.tokens
    }

    /// CPython refuses source containing NUL characters before parsing.
    static func checkNullBytes(_ text: SourceText, filename: String) throws(SyntaxError) {
        guard let i = text.scalars.firstIndex(of: "\0") else { return }
        var lo = 0
        while lo + 1 < text.lineStarts.count && text.lineStarts[lo + 1] <= i { lo += 1 }
        throw SyntaxError(kind: .syntaxError, message: "source code cannot contain null bytes", filename: filename,
                          line: lo + 1, column: 0, text: text.string(text.lineStarts[lo], i), endLine: nil, endColumn: nil)
    }

    /// Decodes source bytes as UTF-8 (skipping a UTF-8 BOM), raising a
    /// SyntaxError like CPython's for invalid input.
    public static func decodeSource(_ bytes: [UInt8], filename: String) throws(SyntaxError) -> String {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var i = start
        var line = 1
        var lineStartByte = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                lineStartByte = i + 1
                i += 1
                continue
            }
            if b < 0x80 { i += 1; continue }
            let (len, reason) = utf8SequenceLength(bytes, i)
            if let reason {
                // Text of the offending line up to the bad byte (lossy).
                var lineEnd = i
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let lineText = String(decoding: bytes[lineStartByte..<lineEnd], as: UTF8.self)
                let column = String(decoding: bytes[lineStartByte..<i], as: UTF8.self).unicodeScalars.count + 1
                let message = "(unicode error) 'utf-8' codec can't decode byte 0x\(hex(UInt32(b), 2)) in position \(i - lineStartByte): \(reason)"
                throw SyntaxError(kind: .syntaxError, message: message, filename: filename, line: line, column: column,
                                  text: lineText, endLine: line, endColumn: column)
            }
            i += len
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// Validates a UTF-8 sequence starting at `i`; returns its length or the
    /// CPython-style reason it is invalid.
    static func utf8SequenceLength(_ b: [UInt8], _ i: Int) -> (Int, String?) {
        let c = b[i]
        var need = 0
        var minValue: UInt32 = 0
        var value: UInt32 = 0
        switch c {
        case 0xC2...0xDF: need = 1; value = UInt32(c & 0x1F); minValue = 0x80
        case 0xE0...0xEF: need = 2; value = UInt32(c & 0x0F); minValue = 0x800
        case 0xF0...0xF4: need = 3; value = UInt32(c & 0x07); minValue = 0x10000
        default: return (1, "invalid start byte")
        }
        for k in 1...need {
            guard i + k < b.count else { return (1, "unexpected end of data") }
            let cc = b[i + k]
            if cc & 0xC0 != 0x80 { return (1, "invalid continuation byte") }
            // CPython checks the second byte's range for E0/ED/F0/F4.
            if k == 1 {
                if (c == 0xE0 && cc < 0xA0) || (c == 0xED && cc > 0x9F) || (c == 0xF0 && cc < 0x90) || (c == 0xF4 && cc > 0x8F) {
                    return (1, "invalid continuation byte")
                }
            }
            value = (value << 6) | UInt32(cc & 0x3F)
        }
        if value < minValue { return (1, "invalid continuation byte") }
        return (need + 1, nil)
    }
}

