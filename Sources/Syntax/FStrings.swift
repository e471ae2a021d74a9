// F-strings (CPython 3.11 semantics: f-strings are single STRING tokens whose
// replacement fields are re-parsed). Separate from Literals.swift because
// this is a small parser of its own: literal text, replacement fields,
// conversions and format specs, after CPython's fstring_* helpers.

extension PyParser {
    /// Accumulates the pieces of a (possibly concatenated) f-string.
    struct FStringState {
        var lastStr = ""
        var values: [Expr] = []

        mutating func flush(_ loc: SourceLocation) {
            if !lastStr.isEmpty {
                values.append(Expr(.constant(.str(lastStr)), loc: loc))
                lastStr = ""
            }
        }
    }

    // MARK: f-strings

    /// CPython's `fstring_find_literal`: scans literal text up to a '{' or
    /// '}' (or the end). Returns true if a doubled brace was consumed and
    /// scanning should continue.
    func fstringFindLiteral(_ i: inout Int, _ end: Int, raw: Bool, level: Int, into out: inout String) throws(ParseError) -> Bool {
        let src = source.scalars
        let literalStart = i
        var s = i
        var doubled = false
        var literalEnd = -1
        while s < end {
            var ch = src[s]
            s += 1
            if !raw && ch == "\\" && s < end {
                ch = src[s]
                s += 1
                if ch == "N" {
                    if s < end {
                        let c2 = src[s]
                        s += 1
                        if c2 == "{" {
                            while s < end {
                                let c3 = src[s]
                                s += 1
                                if c3 == "}" { break }
                            }
                            continue
                        }
                    }
                    continue
                }
            }
            if ch == "{" || ch == "}" {
                if level == 0 {
                    if s < end && src[s] == ch {
                        literalEnd = s
                        i = s + 1
                        doubled = true
                        break
                    }
                    if ch == "}" {
                        i = s - 1
                        throw errorAtLastToken("f-string: single '}' is not allowed")
                    }
                }
                s -= 1
                break
            }
        }
        if !doubled {
            i = s
            literalEnd = s
        }
        if literalEnd > literalStart {
            if raw {
                out.unicodeScalars.append(contentsOf: src[literalStart..<literalEnd])
            } else {
                try decodeStringEscapes(src[literalStart..<literalEnd], into: &out)
            }
        }
        return doubled
    }

    /// CPython's `fstring_parse` / `_PyPegen_FstringParser_ConcatFstring`.
    func fstringParse(_ i: inout Int, _ end: Int, raw: Bool, level: Int, state: inout FStringState,
                      loc: SourceLocation, specLoc: SourceLocation) throws(ParseError) {
        let src = source.scalars
        while true {
            let doubled = try fstringFindLiteral(&i, end, raw: raw, level: level, into: &state.lastStr)
            if doubled { continue }
            if i >= end || src[i] == "}" { break }
            // At a '{'.
            let (exprText, value) = try fstringFindExpr(&i, end, raw: raw, level: level, loc: loc, specLoc: specLoc)
            if let exprText { state.lastStr += exprText }
            state.flush(loc)
            state.values.append(value)
        }
        if level != 0 && (i >= end || src[i] != "}") {
            throw errorAtLastToken("f-string: expecting '}'")
        }
    }

    /// CPython's `fstring_find_expr`: parses one replacement field starting at '{'.
    func fstringFindExpr(_ i: inout Int, _ end: Int, raw: Bool, level: Int,
                         loc: SourceLocation, specLoc: SourceLocation) throws(ParseError) -> (String?, Expr) {
        let src = source.scalars
        if level >= 2 { throw errorAtLastToken("f-string: expressions nested too deeply") }
        i += 1 // '{'
        let exprStart = i
        var quoteChar: Unicode.Scalar? = nil
        var stringType = 0
        var parenStack: [Unicode.Scalar] = []
        while i < end {
            let ch = src[i]
            if ch == "\\" { throw errorAtLastToken("f-string expression part cannot include a backslash") }
            if let q = quoteChar {
                if ch == q {
                    if stringType == 3 {
                        if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                            i += 3
                            stringType = 0
                            quoteChar = nil
                            continue
                        }
                    } else {
                        quoteChar = nil
                        stringType = 0
                        i += 1
                        continue
                    }
                }
                i += 1
                continue
            }
            if ch == "'" || ch == "\"" {
                if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                    stringType = 3
                    i += 2
                } else {
                    stringType = 1
                }
                quoteChar = ch
            } else if ch == "[" || ch == "{" || ch == "(" {
                if parenStack.count >= 200 { throw errorAtLastToken("f-string: too many nested parenthesis") }
                parenStack.append(ch)
            } else if ch == "#" {
                throw errorAtLastToken("f-string expression part cannot include '#'")
            } else if parenStack.isEmpty && (ch == "!" || ch == ":" || ch == "}" || ch == "=" || ch == ">" || ch == "<") {
                if i + 1 < end {
                    let next = src[i + 1]
                    if (ch == "!" && next == "=") || (ch == "=" && next == "=") || (ch == "<" && next == "=") || (ch == ">" && next == "=") {
                        i += 2
                        continue
                    }
                }
                if ch == ">" || ch == "<" {
                    i += 1
                    continue
                }
                break
            } else if ch == "]" || ch == "}" || ch == ")" {
                guard let opening = parenStack.popLast() else {
                    throw errorAtLastToken("f-string: unmatched '\(Character(ch))'")
                }
                if !((opening == "(" && ch == ")") || (opening == "[" && ch == "]") || (opening == "{" && ch == "}")) {
                    throw errorAtLastToken("f-string: closing parenthesis '\(Character(ch))' does not match opening parenthesis '\(Character(opening))'")
                }
            }
            i += 1
        }
        let exprEnd = i
        if quoteChar != nil { throw errorAtLastToken("f-string: unterminated string") }
        if let opening = parenStack.last { throw errorAtLastToken("f-string: unmatched '\(Character(opening))'") }
        if i >= end { throw errorAtLastToken("f-string: expecting '}'") }

        let expression = try fstringCompileExpr(exprStart, exprEnd)

        var exprText: String? = nil
        if src[i] == "=" {
            i += 1
            while i < end, src[i] == " " || src[i] == "\t" || src[i] == "\n" || src[i] == "\u{0C}" || src[i] == "\r" || src[i] == "\u{0B}" {
                i += 1
            }
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            exprText = source.string(exprStart, i)
        }
        var conversion: Character? = nil
        if src[i] == "!" {
            i += 1
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            let c = src[i]
            i += 1
            if !(c == "s" || c == "r" || c == "a") {
                throw errorAtLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = Character(c)
        }
        var formatSpec: Expr? = nil
        if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
        if src[i] == ":" {
            i += 1
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            var specState = FStringState()
            // As CPython: parts followed by a field and nested fields span the whole
            // concatenated literal; the spec itself and its final text span the token.
            try fstringParse(&i, end, raw: raw, level: level + 1, state: &specState, loc: loc, specLoc: specLoc)
            specState.flush(specLoc)
            formatSpec = Expr(.joinedStr(values: specState.values), loc: specLoc)
        }
        if i >= end || src[i] != "}" { throw errorAtLastToken("f-string: expecting '}'") }
        i += 1
        if exprText != nil && formatSpec == nil && conversion == nil { conversion = "r" }
        return (exprText, Expr(.formattedValue(value: expression, conversion: conversion, formatSpec: formatSpec), loc: loc))
    }

    /// Parses the expression of a replacement field (`src[start..<end]`).
    func fstringCompileExpr(_ start: Int, _ end: Int) throws(ParseError) -> Expr {
        let src = source.scalars
        var k = start
        while k < end, src[k] == " " || src[k] == "\t" || src[k] == "\n" || src[k] == "\u{0C}" { k += 1 }
        if k == end {
            let c = src[end]
            if c == "!" || c == ":" || c == "=" {
                throw errorAtLastToken("f-string: expression required before '\(Character(c))'")
            }
            throw errorAtLastToken("f-string: empty expression not allowed")
        }
        // Find the line/column of `start`.
        var lo = 0, hi = source.lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if source.lineStarts[mid] <= start { lo = mid } else { hi = mid - 1 }
        }
        let line = lo + 1
        let lineStart = source.lineStarts[lo]
        var lexer = Lexer(source: source, filename: filename, start: start, end: end, line: line, lineStart: lineStart)
        lexer.run()
        let sub = PyParser(source: source, filename: filename, tokens: lexer.tokens, lexError: lexer.error,
                           lexErrorKind: lexer.errorKind, inFString: true)
        do throws(ParseError) {
            let e: Expr
            if sub.isKw("yield") {
                e = try sub.parseYieldExpr()
            } else {
                e = try sub.parseStarExpressions()
            }
            if sub.tok.kind != .endmarker { throw sub.genericError() }
            if case .starred = e.kind {
                throw sub.error(e.loc, "cannot use starred expression here")
            }
            // CPython parses "(expr)": an unparenthesized tuple or generator
            // expression gets the positions of those parentheses.
            switch e.kind {
            case .tuple(let elts) where !elts.isEmpty && elts[0].loc.column == e.loc.column && elts[0].loc.line == e.loc.line:
                var x = e
                x.loc.column -= 1
                x.loc.endColumn += 1
                return x
            case .generatorExp(let elt, _) where elt.loc.column == e.loc.column && elt.loc.line == e.loc.line:
                var x = e
                x.loc.column -= 1
                x.loc.endColumn += 1
                return x
            default:
                return e
            }
        } catch {
            // Report like CPython 3.11: relative to the text "(expr)".
            var err = error.error
            let exprText = "(" + source.string(start, end) + ")"
            let startCol = start - lineStart
            if err.line == line {
                err.column = err.column - startCol + 1
                if let ec = err.endColumn, ec > 0, (err.endLine ?? line) == line { err.endColumn = ec - startCol + 1 }
            }
            let rel = err.line - line
            let lines = exprText.split(separator: "\n", omittingEmptySubsequences: false)
            err.text = rel >= 0 && rel < lines.count ? String(lines[rel]) + "\n" : nil
            if !err.message.hasPrefix("f-string") { err.message = "f-string: " + err.message }
            throw ParseError(error: err, isGeneric: false, fromLexer: false)
        }
    }
}
