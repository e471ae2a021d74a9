// The lexer's indentation handling (INDENT/DEDENT, tab consistency) and the
// end-of-input tokens (final NEWLINE, DEDENTs, ENDMARKER). Separate from the
// main loop because it is the line-structure half of tokenizing.

extension Lexer {
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
}
