// REPL support: deciding whether input is complete, following CPython's
// `codeop.compile_command` rules for "single" input.

extension Parser {
    /// Classifies REPL input as complete, incomplete (needs more lines) or
    /// invalid, like CPython's `codeop.compile_command`:
    ///
    /// - incomplete while a bracket or triple-quoted string is open, after a
    ///   trailing backslash, or when the parser runs out of input mid-statement
    ///   (e.g. `if x:` with no body yet);
    /// - a compound statement (`if`, `for`, `def`, ...) is only complete once
    ///   the input ends with a newline after it (the REPL's empty line);
    /// - more than one statement is invalid, as in CPython's "single" mode.
    public static func interactiveStatus(_ source: String) -> InputStatus {
        interactiveStatus(source, filename: "<stdin>")
    }

    public static func interactiveStatus(_ source: String, filename: String) -> InputStatus {
        // Only blank lines and comments: nothing to run.
        var onlyBlank = true
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" })
            if !trimmed.isEmpty && trimmed.first != "#" {
                onlyBlank = false
                break
            }
        }
        if onlyBlank { return .complete }

        let text = SourceText(source)
        do {
            try checkNullBytes(text, filename: filename)
        } catch {
            return .invalid(error)
        }
        let p = PyParser(text, filename: filename)
        do throws(ParseError) {
            var body: [Stmt] = []
            try p.parseStatement(into: &body)
            let compound: Bool
            switch body.first?.kind {
            case .if, .while, .for, .try, .with, .functionDef, .classDef: compound = true
            default: compound = false
            }
            if p.tok.kind != .endmarker {
                if compound || p.tok.kind == .errorToken {
                    throw p.genericError()
                }
                let newline = p.toks[max(p.pos - 1, 0)]
                return .invalid(p.error(at: newline, "multiple statements found while compiling a single statement").error)
            }
            if compound && !source.hasSuffix("\n") { return .incomplete }
            return .complete
        } catch {
            if p.reachedEndOfInput { return .incomplete }
            return .invalid(error.error)
        }
    }
}

extension PyParser {
    /// Whether the parser looked at the end of the input (CPython's
    /// `_is_end_of_source`): the parse failed for lack of input.
    var reachedEndOfInput: Bool {
        let idx = max(pos, maxPos)
        let t = toks[idx]
        switch t.kind {
        case .endmarker:
            return true
        case .errorToken:
            return lexErrorKind == .eofInBrackets || lexErrorKind == .eofInTripleQuote || lexErrorKind == .eofAfterBackslash
        case .dedent:
            for k in idx..<toks.count where toks[k].kind != .dedent && toks[k].kind != .endmarker { return false }
            return true
        default:
            return false
        }
    }
}
