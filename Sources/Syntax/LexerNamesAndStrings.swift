import Foundation // only for NFKC normalization of non-ASCII identifiers

// The lexer's identifiers and string literals (which share a start: a name
// may turn out to be a string prefix). Separate from the main loop so each
// token family reads on its own; strings are only delimited here, their
// contents are decoded by the parser (Literals.swift).

extension Lexer {
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
}
