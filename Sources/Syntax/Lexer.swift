// Hand-written tokenizer modelled on CPython's Parser/tokenizer.c.
//
// The lexer works on an array of Unicode scalars (with \r\n and \r normalized
// to \n). It produces the whole token list up front; if it hits an error it
// stops, records the error and ends the list with an `.errorToken` so the
// parser can report the error when (and only if) it gets that far, as CPython
// does.
//
// This file holds the tokens, the lexer's state and main loop, and operators;
// indentation, names and strings, and numbers are in LexerIndentation.swift,
// LexerNamesAndStrings.swift and LexerNumbers.swift.

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
