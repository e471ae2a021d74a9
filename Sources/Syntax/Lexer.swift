import Foundation // only for NFKC normalization of non-ASCII identifiers

// Hand-written tokenizer modelled on CPython's Parser/tokenizer.c.
//
// The lexer works on an array of Unicode scalars (with \r\n and \r normalized
// to \n). It produces the whole token list up front; if it hits an error it
// stops, records the error and ends the list with an `.errorToken` so the
// parser can report the error when (and only if) it gets that far, as CPython
// does.

public enum TokenKind: UInt8, Sendable, Hashable {
    case name, number, string, op, newline, indent, dedent, endmarker
    /// Stands for a lexer error; `Lexer.error` holds the message.
    case errorToken
}

public struct Token: Sendable, Hashable, CustomStringConvertible {
    public var kind: TokenKind
    /// Identifier, operator, number or full string-literal text (including prefix
    /// and quotes). Empty for NEWLINE/INDENT/DEDENT/ENDMARKER.
    public var text: String
    /// Scalar offsets into the (normalized) source.
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Bracket nesting depth after this token.
    public var level: Int

    public var loc: SourceLocation {
        SourceLocation(line: line, column: column, endLine: endLine, endColumn: endColumn)
    }

    public var description: String {
        switch kind {
        case .name: return "NAME(\(text))"
        case .number: return "NUMBER(\(text))"
        case .string: return "STRING(\(text))"
        case .op: return "OP(\(text))"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endmarker: return "ENDMARKER"
        case .errorToken: return "ERRORTOKEN"
        }
    }
}

/// Why the lexer stopped early. Decides how the error competes with parser
/// errors (as in CPython 3.11, where some tokenizer errors raise at once and
/// others only make the token an ERRORTOKEN) and whether REPL input is
/// merely incomplete.
enum LexErrorKind: Sendable {
    /// End of input inside brackets (E_EOF with an open bracket).
    case eofInBrackets
    /// End of input inside a triple-quoted string (raised).
    case eofInTripleQuote
    /// End of input right after a backslash (E_EOF).
    case eofAfterBackslash
    /// Errors CPython raises directly from the tokenizer (bad literals,
    /// unterminated strings, unmatched brackets, invalid characters...):
    /// they take priority over parser errors anywhere in the file.
    case raised
    /// Errors CPython reports only when the parser reaches them
    /// (indentation errors, bad line continuation).
    case silent

    var takesPriority: Bool { self == .raised || self == .eofInTripleQuote }
}

/// The normalized source: scalars plus line starts, shared by the lexer,
/// the parser and the f-string parser.
final class SourceText: @unchecked Sendable {
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line; lineStarts[0] is line 1.
    let lineStarts: [Int]

    init(_ source: String) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.utf8.count)
        var starts = [0]
        var prevCR = false
        for s in source.unicodeScalars {
            if s == "\r" {
                out.append("\n")
                starts.append(out.count)
                prevCR = true
                continue
            }
            if s == "\n" {
                if prevCR { prevCR = false; continue }
                out.append("\n")
                starts.append(out.count)
                continue
            }
            prevCR = false
            out.append(s)
        }
        scalars = out
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// Text of a 1-based line, including the trailing newline if present.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let s = lineStarts[line - 1]
        let e = line < lineStarts.count ? lineStarts[line] : scalars.count
        var str = ""
        str.unicodeScalars.append(contentsOf: scalars[s..<e])
        return str
    }

    /// Length in scalars of a line, excluding its newline.
    func lineLength(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        let s = lineStarts[line - 1]
        var e = line < lineStarts.count ? lineStarts[line] : scalars.count
        if e > s, scalars[e - 1] == "\n" { e -= 1 }
        return e - s
    }

    func string(_ start: Int, _ end: Int) -> String {
        var str = ""
        str.unicodeScalars.append(contentsOf: scalars[start..<end])
        return str
    }
}

struct Lexer {
    let source: SourceText
    let src: [Unicode.Scalar]
    let filename: String
    var pos: Int
    let endPos: Int
    var line: Int
    var lineStart: Int
    var indentStack: [Int] = [0]
    var altIndentStack: [Int] = [0]
    var parens: [(ch: Unicode.Scalar, line: Int, col: Int)] = []
    var atLineStart = true
    /// Column of a comment seen on the current line (for the NEWLINE token).
    var commentStart: Int? = nil
    /// Whether any token has been produced on the current logical line.
    var lineHasTokens = false
    var tokens: [Token] = []
    var error: SyntaxError?
    var errorKind: LexErrorKind = .raised
    /// For f-string expression lexing: no INDENT/NEWLINE processing.
    let expressionMode: Bool

    init(source: SourceText, filename: String) {
        self.source = source
        self.src = source.scalars
        self.filename = filename
        self.pos = 0
        self.endPos = source.scalars.count
        self.line = 1
        self.lineStart = 0
        self.expressionMode = false
    }

    /// Lexes `src[start..<end]` as an expression located at `line`, whose
    /// line begins at `lineStart` (used for f-string replacement fields).
    init(source: SourceText, filename: String, start: Int, end: Int, line: Int, lineStart: Int) {
        self.source = source
        self.src = source.scalars
        self.filename = filename
        self.pos = start
        self.endPos = end
        self.line = line
        self.lineStart = lineStart
        self.expressionMode = true
        self.atLineStart = false
    }

    // MARK: helpers

    @inline(__always) func peek(_ off: Int = 0) -> Unicode.Scalar? {
        let p = pos + off
        return p < endPos ? src[p] : nil
    }

    var col: Int { pos - lineStart }

    func lineText(_ l: Int) -> String? {
        source.lineText(l)
    }

    mutating func fail(_ message: String, kind: SyntaxError.Kind = .syntaxError, line errLine: Int? = nil,
                       column: Int, endColumn: Int?, lexKind: LexErrorKind = .raised) {
        let l = errLine ?? line
        error = SyntaxError(kind: kind, message: message, filename: filename, line: l, column: column,
                            text: lineText(l), endLine: l, endColumn: endColumn)
        errorKind = lexKind
        tokens.append(Token(kind: .errorToken, text: "", start: pos, end: pos, line: line, column: col,
                            endLine: line, endColumn: col, level: parens.count))
    }

    mutating func emit(_ kind: TokenKind, _ text: String, start: Int, startLine: Int, startCol: Int) {
        tokens.append(Token(kind: kind, text: text, start: start, end: pos, line: startLine, column: startCol,
                            endLine: line, endColumn: col, level: parens.count))
        if kind != .newline && kind != .indent && kind != .dedent { lineHasTokens = true }
    }

    // MARK: main loop

    mutating func run() {
        while error == nil {
            if atLineStart && !expressionMode {
                if !handleIndentation() { continue }
                if error != nil { return }
            }
            // Skip whitespace.
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { pos += 1 }
            guard let c = peek() else {
                finish()
                return
            }
            let startPos = pos, startCol = col, startLine = line
            switch c {
            case "#":
                while let c = peek(), c != "\n" { pos += 1 }
                // Like CPython, the NEWLINE token ending this line starts at the comment.
                commentStart = startCol
            case "\n":
                pos += 1
                if parens.isEmpty && !expressionMode {
                    tokens.append(Token(kind: .newline, text: "", start: startPos, end: pos, line: line,
                                        column: commentStart ?? startCol, endLine: line, endColumn: startCol, level: 0))
                    atLineStart = true
                    lineHasTokens = false
                }
                line += 1
                lineStart = pos
                commentStart = nil
            case "\\":
                pos += 1
                guard let n = peek() else {
                    fail("unexpected EOF while parsing", column: col + 1, endColumn: -1, lexKind: .eofAfterBackslash)
                    return
                }
                if n != "\n" {
                    pos += 1
                    fail("unexpected character after line continuation character", column: col, endColumn: 0, lexKind: .silent)
                    return
                }
                pos += 1
                line += 1
                lineStart = pos
                if peek() == nil && !expressionMode {
                    // Backslash-newline at the very end of the input.
                    fail("unexpected EOF while parsing", line: line - 1, column: source.lineLength(line - 1) + 1,
                         endColumn: -1, lexKind: .silent)
                    return
                }
            case "\"", "'":
                lexString(prefix: "", start: startPos, startLine: startLine, startCol: startCol)
            case "0"..."9":
                lexNumber(start: startPos, startCol: startCol)
            case ".":
                if Lexer.isDigit(peek(1)) {
                    lexNumber(start: startPos, startCol: startCol)
                } else if peek(1) == ".", peek(2) == "." {
                    pos += 3
                    emit(.op, "...", start: startPos, startLine: startLine, startCol: startCol)
                } else {
                    pos += 1
                    emit(.op, ".", start: startPos, startLine: startLine, startCol: startCol)
                }
            default:
                if Lexer.isIdentifierStart(c) {
                    lexNameOrString(start: startPos, startCol: startCol)
                } else if c.isASCII {
                    lexOperator(c, start: startPos, startCol: startCol)
                } else {
                    pos += 1
                    let hex = String(c.value, radix: 16, uppercase: true)
                    let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    if Lexer.isPrintable(c) {
                        fail("invalid character '\(Character(c))' (U+\(padded))", column: startCol + 1, endColumn: startCol + 1)
                    } else {
                        fail("invalid non-printable character U+\(padded)", column: startCol + 1, endColumn: startCol + 1)
                    }
                    return
                }
            }
        }
    }

    /// Processes indentation at the start of a line. Returns false if the line
    /// was blank (and has been skipped).
    mutating func handleIndentation() -> Bool {
        var colw = 0, altcol = 0
        var p = pos
        while p < endPos {
            let c = src[p]
            if c == " " { colw += 1; altcol += 1 }
            else if c == "\t" { colw = (colw / 8 + 1) * 8; altcol += 1 }
            else if c == "\u{0C}" { colw = 0; altcol = 0 }
            else { break }
            p += 1
        }
        if p >= endPos {
            // Whitespace-only last line.
            pos = p
            atLineStart = false
            return true
        }
        let c = src[p]
        if c == "#" || c == "\n" {
            // Blank or comment-only line: no tokens, no indentation change.
            pos = p
            while let ch = peek(), ch != "\n" { pos += 1 }
            if peek() == "\n" {
                pos += 1
                line += 1
                lineStart = pos
            }
            return false
        }
        atLineStart = false
        pos = p
        if c == "\\", p + 1 < endPos, src[p + 1] != "\n" {
            // CPython reports a bad continuation before any indentation change.
            pos = p + 2
            fail("unexpected character after line continuation character", column: col, endColumn: 0, lexKind: .silent)
            return true
        }
        let top = indentStack[indentStack.count - 1]
        let altTop = altIndentStack[altIndentStack.count - 1]
        if colw == top {
            if altcol != altTop { tabError(); return true }
        } else if colw > top {
            if altcol <= altTop { tabError(); return true }
            if indentStack.count >= 100 {
                fail("too many levels of indentation", kind: .indentationError, column: colw + 1, endColumn: -1, lexKind: .silent)
                return true
            }
            indentStack.append(colw)
            altIndentStack.append(altcol)
            tokens.append(Token(kind: .indent, text: "", start: lineStart, end: pos, line: line, column: 0,
                                endLine: line, endColumn: col, level: 0))
        } else {
            var target = indentStack.count - 1
            while target > 0 && colw < indentStack[target] { target -= 1 }
            if colw != indentStack[target] {
                // Reported before any DEDENT, as CPython does.
                fail("unindent does not match any outer indentation level", kind: .indentationError,
                     column: source.lineLength(line) + 1, endColumn: -1, lexKind: .silent)
                return true
            }
            while indentStack.count - 1 > target {
                indentStack.removeLast()
                altIndentStack.removeLast()
                tokens.append(Token(kind: .dedent, text: "", start: pos, end: pos, line: line, column: col,
                                    endLine: line, endColumn: col, level: 0))
            }
            if altcol != altIndentStack[altIndentStack.count - 1] { tabError(); return true }
        }
        return true
    }

    mutating func tabError() {
        fail("inconsistent use of tabs and spaces in indentation", kind: .tabError, column: 1, endColumn: 0, lexKind: .silent)
    }

    mutating func finish() {
        if expressionMode {
            if !parens.isEmpty {
                let p = parens[parens.count - 1]
                fail("'\(p.ch)' was never closed", line: p.line, column: p.col + 1, endColumn: 0, lexKind: .eofInBrackets)
                return
            }
            // Stands for the closing ')' CPython adds around the expression.
            tokens.append(Token(kind: .endmarker, text: "", start: pos, end: pos, line: line, column: col,
                                endLine: line, endColumn: col + 1, level: 0))
            return
        }
        if !parens.isEmpty {
            let p = parens[parens.count - 1]
            fail("'\(p.ch)' was never closed", line: p.line, column: p.col + 1, endColumn: 0, lexKind: .eofInBrackets)
            return
        }
        if lineHasTokens {
            tokens.append(Token(kind: .newline, text: "", start: pos, end: pos, line: line, column: commentStart ?? col,
                                endLine: line, endColumn: col, level: 0))
            lineHasTokens = false
        }
        // CPython places the end-of-input tokens at the end of the last line.
        var eofLine = line, eofCol = col
        if pos > 0 && src[pos - 1] == "\n" && line > 1 {
            eofLine = line - 1
            eofCol = source.lineLength(eofLine)
        }
        while indentStack.count > 1 {
            indentStack.removeLast()
            tokens.append(Token(kind: .dedent, text: "", start: pos, end: pos, line: eofLine, column: eofCol,
                                endLine: eofLine, endColumn: eofCol, level: 0))
        }
        tokens.append(Token(kind: .endmarker, text: "", start: pos, end: pos, line: eofLine, column: eofCol,
                            endLine: eofLine, endColumn: eofCol, level: 0))
    }

    // MARK: identifiers

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
        }
        return c.properties.isXIDStart
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95 || (v >= 48 && v <= 57)
        }
        return c.properties.isXIDContinue
    }

    /// Python's `str.isprintable` for a single scalar.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func isStringPrefix(_ s: String) -> Bool {
        switch s.lowercased() {
        case "r", "u", "f", "b", "br", "rb", "fr", "rf": return true
        default: return false
        }
    }

    mutating func lexNameOrString(start: Int, startCol: Int) {
        let startLine = line
        pos += 1
        while let c = peek(), Lexer.isIdentifierContinue(c) { pos += 1 }
        var text = source.string(start, pos)
        if let q = peek(), q == "\"" || q == "'", pos - start <= 2, Lexer.isStringPrefix(text) {
            lexString(prefix: text, start: start, startLine: startLine, startCol: startCol)
            return
        }
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            // PEP 3131: identifiers are NFKC-normalized.
            text = text.precomposedStringWithCompatibilityMapping
        }
        emit(.name, text, start: start, startLine: startLine, startCol: startCol)
    }

    // MARK: strings

    mutating func lexString(prefix: String, start: Int, startLine: Int, startCol: Int) {
        let quote = src[pos]
        var triple = false
        if peek(1) == quote && peek(2) == quote {
            triple = true
            pos += 3
        } else {
            pos += 1
        }
        while true {
            guard let c = peek() else {
                if triple {
                    // CPython counts a final newline as ending the last line.
                    let detected = pos > 0 && src[pos - 1] == "\n" ? line - 1 : line
                    fail("unterminated triple-quoted string literal (detected at line \(detected))", line: startLine,
                         column: startCol + 1, endColumn: startCol + 1, lexKind: .eofInTripleQuote)
                } else {
                    fail("unterminated string literal (detected at line \(line))", line: startLine,
                         column: startCol + 1, endColumn: startCol + 1)
                }
                return
            }
            if c == "\\" {
                pos += 1
                if let n = peek() {
                    pos += 1
                    if n == "\n" { line += 1; lineStart = pos }
                }
                continue
            }
            if c == "\n" {
                if !triple {
                    fail("unterminated string literal (detected at line \(line))", line: startLine,
                         column: startCol + 1, endColumn: startCol + 1)
                    return
                }
                pos += 1
                line += 1
                lineStart = pos
                continue
            }
            if c == quote {
                if !triple {
                    pos += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    pos += 3
                    break
                }
            }
            pos += 1
        }
        emit(.string, source.string(start, pos), start: start, startLine: startLine, startCol: startCol)
    }

    // MARK: numbers

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.value >= 48 && c.value <= 57
    }

    static func isHexDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        let v = c.value
        return (v >= 48 && v <= 57) || (v >= 65 && v <= 70) || (v >= 97 && v <= 102)
    }

    @inline(__always) mutating func nextc() -> Unicode.Scalar? {
        if pos < endPos {
            let c = src[pos]
            pos += 1
            return c
        }
        return nil
    }

    @inline(__always) mutating func backup(_ c: Unicode.Scalar?) {
        if c != nil { pos -= 1 }
    }

    mutating func failAtCursor(_ message: String) {
        fail(message, column: col, endColumn: col)
    }

    static func isPotentialIdentifierChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 || (v >= 48 && v <= 57) || v >= 128
    }

    /// CPython's `verify_end_of_number`: `c` has just been consumed.
    mutating func verifyEnd(_ c: Unicode.Scalar?, _ kind: String) -> Bool {
        guard let c else { return true }
        func lookahead(_ s: String) -> Bool {
            var i = 0
            for ch in s.unicodeScalars {
                if peek(i) != ch { return false }
                i += 1
            }
            return true
        }
        var r = false
        switch c {
        case "a": r = lookahead("nd")
        case "e": r = lookahead("lse")
        case "f": r = lookahead("or")
        case "i": r = peek() == "f" || peek() == "n" || peek() == "s"
        case "o": r = lookahead("r")
        case "n": r = lookahead("ot")
        default: break
        }
        if r { return true }
        if Lexer.isPotentialIdentifierChar(c) {
            backup(c)
            failAtCursor("invalid \(kind) literal")
            return false
        }
        return true
    }

    /// CPython's `tok_decimal_tail`: reads further digits (with single
    /// underscores); leaves the first non-digit in `c`. False on error.
    mutating func decimalTail(_ c: inout Unicode.Scalar?) -> Bool {
        while true {
            repeat { c = nextc() } while Lexer.isDigit(c)
            if c != "_" { return true }
            c = nextc()
            if !Lexer.isDigit(c) {
                backup(c)
                failAtCursor("invalid decimal literal")
                return false
            }
        }
    }

    mutating func lexNumber(start: Int, startCol: Int) {
        let startLine = line
        enum State { case fraction, exponent, imaginary, endDecimal, done }
        var state: State
        var c = nextc()
        if c == "." {
            c = nextc()
            state = .fraction
        } else if c == "0" {
            c = nextc()
            if c == "x" || c == "X" || c == "o" || c == "O" || c == "b" || c == "B" {
                let lower = c!.value | 0x20
                let kind = lower == 120 ? "hexadecimal" : lower == 111 ? "octal" : "binary"
                func ok(_ c: Unicode.Scalar?) -> Bool {
                    guard let c else { return false }
                    switch lower {
                    case 120: return Lexer.isHexDigit(c)
                    case 111: return c.value >= 48 && c.value <= 55
                    default: return c == "0" || c == "1"
                    }
                }
                c = nextc()
                repeat {
                    if c == "_" { c = nextc() }
                    if !ok(c) {
                        if lower != 120, Lexer.isDigit(c) {
                            failAtCursor("invalid digit '\(Character(c!))' in \(kind) literal")
                            return
                        }
                        backup(c)
                        failAtCursor("invalid \(kind) literal")
                        return
                    }
                    repeat { c = nextc() } while ok(c)
                } while c == "_"
                if lower != 120, Lexer.isDigit(c) {
                    failAtCursor("invalid digit '\(Character(c!))' in \(kind) literal")
                    return
                }
                if !verifyEnd(c, kind) { return }
                state = .done
            } else {
                var nonzero = false
                while true {
                    if c == "_" {
                        c = nextc()
                        if !Lexer.isDigit(c) {
                            backup(c)
                            failAtCursor("invalid decimal literal")
                            return
                        }
                    }
                    if c != "0" { break }
                    c = nextc()
                }
                let zerosEnd = pos
                if Lexer.isDigit(c) {
                    nonzero = true
                    if !decimalTail(&c) { return }
                }
                if c == "." {
                    c = nextc()
                    state = .fraction
                } else if c == "e" || c == "E" {
                    state = .exponent
                } else if c == "j" || c == "J" {
                    state = .imaginary
                } else if nonzero {
                    backup(c)
                    fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                         column: startCol + 1, endColumn: zerosEnd - lineStart)
                    return
                } else {
                    state = .endDecimal
                }
            }
        } else {
            if !decimalTail(&c) { return }
            if c == "." {
                c = nextc()
                state = .fraction
            } else if c == "e" || c == "E" {
                state = .exponent
            } else if c == "j" || c == "J" {
                state = .imaginary
            } else {
                state = .endDecimal
            }
        }
        loop: while true {
            switch state {
            case .fraction:
                if Lexer.isDigit(c) {
                    if !decimalTail(&c) { return }
                }
                if c == "e" || c == "E" { state = .exponent }
                else if c == "j" || c == "J" { state = .imaginary }
                else { state = .endDecimal }
            case .exponent:
                let e = c
                c = nextc()
                if c == "+" || c == "-" {
                    c = nextc()
                    if !Lexer.isDigit(c) {
                        backup(c)
                        failAtCursor("invalid decimal literal")
                        return
                    }
                } else if !Lexer.isDigit(c) {
                    backup(c)
                    if !verifyEnd(e, "decimal") { return }
                    backup(e)
                    emit(.number, source.string(start, pos), start: start, startLine: startLine, startCol: startCol)
                    return
                }
                if !decimalTail(&c) { return }
                state = (c == "j" || c == "J") ? .imaginary : .endDecimal
            case .imaginary:
                c = nextc()
                if !verifyEnd(c, "imaginary") { return }
                state = .done
            case .endDecimal:
                if !verifyEnd(c, "decimal") { return }
                state = .done
            case .done:
                break loop
            }
        }
        backup(c)
        emit(.number, source.string(start, pos), start: start, startLine: startLine, startCol: startCol)
    }

    // MARK: operators

    static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    static let twoCharOps: Set<String> = [
        "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
        "@=", "^=", "|=",
    ]

    mutating func lexOperator(_ c: Unicode.Scalar, start: Int, startCol: Int) {
        let startLine = line
        if let c2 = peek(1), c2.isASCII {
            if let c3 = peek(2), c3.isASCII {
                var s = String(Character(c)); s.append(Character(c2)); s.append(Character(c3))
                if Lexer.threeCharOps.contains(s) {
                    pos += 3
                    emit(.op, s, start: start, startLine: startLine, startCol: startCol)
                    return
                }
            }
            var s = String(Character(c)); s.append(Character(c2))
            if Lexer.twoCharOps.contains(s) {
                pos += 2
                emit(.op, s, start: start, startLine: startLine, startCol: startCol)
                return
            }
        }
        pos += 1
        switch c {
        case "(", "[", "{":
            if parens.count >= 200 {
                fail("too many nested parentheses", column: startCol + 1, endColumn: startCol + 1)
                return
            }
            parens.append((c, startLine, startCol))
        case ")", "]", "}":
            guard let open = parens.last else {
                fail("unmatched '\(Character(c))'", column: startCol + 1, endColumn: startCol + 1)
                return
            }
            let expected: Unicode.Scalar = open.ch == "(" ? ")" : open.ch == "[" ? "]" : "}"
            if c != expected {
                if open.line != startLine {
                    fail("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open.ch))' on line \(open.line)",
                         column: startCol + 1, endColumn: startCol + 1)
                } else {
                    fail("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open.ch))'",
                         column: startCol + 1, endColumn: startCol + 1)
                }
                return
            }
            parens.removeLast()
        default:
            break
        }
        emit(.op, String(Character(c)), start: start, startLine: startLine, startCol: startCol)
    }
}
