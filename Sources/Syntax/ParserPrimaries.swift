// Expression grammar, innermost levels: `primary` (attributes, subscripts,
// slices, calls and their arguments), comprehension clauses, and atoms
// (names, literals, parenthesized forms and displays). Kept apart from the
// operator levels in ParserExpressions.swift, which call down into it.

extension PyParser {
    // MARK: primary

    func parsePrimary() throws(ParseError) -> Expr {
        let startIdx = pos
        var e = try parseAtom()
        var chain = 0
        defer { depth -= chain }
        while tok.kind == .op {
            let t = tok.text
            guard t == "." || t == "(" || t == "[" else { return e }
            chain += 1
            try enter()
            switch t {
            case ".":
                advance()
                let name = try expectName()
                e = Expr(.attribute(value: e, attr: name.text), loc: locFrom(index: startIdx))
            case "(":
                advance()
                let (args, keywords) = try parseCallArguments(allowGenexp: true)
                _ = try expectOp(")")
                e = Expr(.call(func: e, args: args, keywords: keywords), loc: locFrom(index: startIdx))
            case "[":
                advance()
                let slice = try parseSlices()
                _ = try expectOp("]")
                e = Expr(.subscript(value: e, slice: slice), loc: locFrom(index: startIdx))
            default:
                return e
            }
        }
        return e
    }

    /// `slices`: a single slice/expression, or a tuple of them.
    func parseSlices() throws(ParseError) -> Expr {
        let startIdx = pos
        let first = try parseSlice()
        if !isOp(",") {
            if case .starred = first.kind { return Expr(.tuple(elts: [first]), loc: locFrom(index: startIdx)) }
            return first
        }
        var elts = [first]
        while acceptOp(",") {
            if isOp("]") { break }
            elts.append(try parseSlice())
        }
        return Expr(.tuple(elts: elts), loc: locFrom(index: startIdx))
    }

    func parseSlice() throws(ParseError) -> Expr {
        let startIdx = pos
        if isOp("*") {
            let s = advance()
            let v = try parseBitwiseOr()
            return Expr(.starred(value: v), loc: locFrom(s))
        }
        var lower: Expr? = nil
        if !isOp(":") {
            let e = try parseNamedExpression()
            if !isOp(":") { return e }
            lower = e
        }
        advance() // ':'
        var upper: Expr? = nil
        var step: Expr? = nil
        if !isOp(":") && !isOp(",") && !isOp("]") {
            upper = try parseExpression()
        }
        if acceptOp(":") {
            if !isOp(",") && !isOp("]") {
                step = try parseExpression()
            }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), loc: locFrom(index: startIdx))
    }

    // MARK: call arguments

    /// Parses call arguments up to (not including) the closing ')'.
    func parseCallArguments(allowGenexp: Bool) throws(ParseError) -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var seenNames: Set<String> = []
        while !isOp(")") {
            let argStartIdx = pos
            if isOp("*") {
                let star = advance()
                if sawDoubleStar {
                    throw error(at: star, "iterable argument unpacking follows keyword argument unpacking")
                }
                let v = try parseExpression()
                args.append(Expr(.starred(value: v), loc: locFrom(star)))
            } else if isOp("**") {
                let s = advance()
                let v = try parseExpression()
                keywords.append(Keyword(arg: nil, value: v, loc: locFrom(s)))
                sawDoubleStar = true
            } else if tok.kind == .name, !pythonKeywords.contains(tok.text) || ["True", "False", "None"].contains(tok.text),
                      peekTok(1).kind == .op, peekTok(1).text == "=" {
                let nameTok = tok
                if nameTok.text == "True" || nameTok.text == "False" || nameTok.text == "None" {
                    throw error(from: nameTok.loc, to: peekTok(1).loc, "cannot assign to \(nameTok.text)")
                }
                if pythonKeywords.contains(nameTok.text) { throw genericError() }
                advance()
                let eq = advance()
                let v = try parseExpression()
                if isKw("for") {
                    throw error(from: nameTok.loc, to: eq.loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
                }
                if seenNames.contains(nameTok.text) {
                    throw error(locFrom(nameTok), "keyword argument repeated: \(nameTok.text)")
                }
                seenNames.insert(nameTok.text)
                keywords.append(Keyword(arg: nameTok.text, value: v, loc: locFrom(nameTok)))
                sawKeyword = true
            } else {
                var e: Expr
                if isName && peekTok(1).kind == .op && peekTok(1).text == ":=" {
                    e = try parseNamedExpression()
                } else {
                    e = try parseExpression()
                    if isOp(":=") {
                        throw error(e.loc, "cannot use assignment expressions with \(PyParser.exprName(e))")
                    }
                }
                if isOp("=") {
                    let eq = tok
                    throw error(from: e.loc, to: eq.loc, "expression cannot contain assignment, perhaps you meant \"==\"?")
                }
                if isKw("for") {
                    let gens = try parseComprehensionClauses()
                    let firstArg = args.isEmpty && keywords.isEmpty
                    if firstArg && !isOp(")") && !isOp(",") && allowGenexp { throw genericError() }
                    if !(firstArg && isOp(")")) || !allowGenexp {
                        // class C(x for x in y): CPython reports the 'for'.
                        let lastItem = gens.last!.ifs.last ?? gens.last!.iter
                        if !allowGenexp { throw genericErrorAtFor(argStartIdx) }
                        throw error(from: e.loc, to: lastItem.loc, "Generator expression must be parenthesized")
                    }
                    // Sole argument: the generator expression spans the call's parentheses.
                    let open = toks[argStartIdx - 1]
                    let close = tok
                    e = Expr(.generatorExp(elt: e, generators: gens),
                             loc: SourceLocation(line: open.line, column: open.column, endLine: close.endLine, endColumn: close.endColumn))
                }
                if sawKeyword || sawDoubleStar {
                    let after = tok
                    throw error(at: after, sawDoubleStar ? "positional argument follows keyword argument unpacking"
                                                         : "positional argument follows keyword argument")
                }
                args.append(e)
            }
            if !acceptOp(",") { break }
        }
        return (args, keywords)
    }

    func genericErrorAtFor(_ argStartIdx: Int) -> ParseError {
        // The generator's 'for' was consumed while parsing; report it like CPython.
        var i = argStartIdx
        while i < toks.count - 1 && !(toks[i].kind == .name && toks[i].text == "for") { i += 1 }
        let e = error(at: toks[i], "invalid syntax")
        e.isGeneric = true
        return e
    }

    // MARK: comprehensions

    /// One or more `for ... in ... [if ...]` clauses.
    func parseComprehensionClauses() throws(ParseError) -> [Comprehension] {
        var gens: [Comprehension] = []
        while isKw("for") || isKw("async") {
            if isKw("async") { throw error(at: tok, "'async' is not supported yet") }
            advance()
            let target = try parseForTarget()
            advance() // 'in'
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while isKw("if") {
                advance()
                ifs.append(try parseDisjunction())
            }
            gens.append(Comprehension(target: target, iter: iter, ifs: ifs))
        }
        return gens
    }

    // MARK: atoms

    func parseAtom() throws(ParseError) -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            switch t.text {
            case "True": advance(); return Expr(.constant(.true), loc: t.loc)
            case "False": advance(); return Expr(.constant(.false), loc: t.loc)
            case "None": advance(); return Expr(.constant(.none), loc: t.loc)
            default:
                if pythonKeywords.contains(t.text) { throw genericError() }
                advance()
                return Expr(.name(id: t.text), loc: t.loc)
            }
        case .number:
            advance()
            return Expr(.constant(try numberConstant(t)), loc: t.loc)
        case .string:
            return try parseStrings()
        case .op:
            switch t.text {
            case "(": return try parseParenAtom()
            case "[": return try parseListAtom()
            case "{": return try parseBraceAtom()
            case "...": advance(); return Expr(.constant(.ellipsis), loc: t.loc)
            default: throw genericError()
            }
        default:
            throw genericError()
        }
    }

    func parseParenAtom() throws(ParseError) -> Expr {
        let open = advance()
        if isOp(")") {
            advance()
            return Expr(.tuple(elts: []), loc: locFrom(open))
        }
        if isKw("yield") {
            let y = try parseYieldExpr()
            _ = try expectOp(")")
            return y
        }
        let first = try parseStarNamedExpression()
        if isKw("for") || isKw("async") {
            if case .starred = first.kind {
                throw error(first.loc, "iterable unpacking cannot be used in comprehension")
            }
            let gens = try parseComprehensionClauses()
            _ = try expectOp(")")
            return Expr(.generatorExp(elt: first, generators: gens), loc: locFrom(open))
        }
        if isOp(",") {
            var elts = [first]
            while acceptOp(",") {
                if isOp(")") { break }
                elts.append(try parseStarNamedExpression())
            }
            _ = try expectOp(")")
            return Expr(.tuple(elts: elts), loc: locFrom(open))
        }
        _ = try expectOp(")")
        if case .starred = first.kind {
            throw error(first.loc, "can't use starred expression here")
        }
        return first
    }

    func parseListAtom() throws(ParseError) -> Expr {
        let open = advance()
        if acceptOp("]") { return Expr(.list(elts: []), loc: locFrom(open)) }
        let first = try parseStarNamedExpression()
        if isKw("for") || isKw("async") {
            if case .starred = first.kind {
                throw error(first.loc, "iterable unpacking cannot be used in comprehension")
            }
            let gens = try parseComprehensionClauses()
            _ = try expectOp("]")
            return Expr(.listComp(elt: first, generators: gens), loc: locFrom(open))
        }
        var elts = [first]
        while acceptOp(",") {
            if isOp("]") { break }
            elts.append(try parseStarNamedExpression())
        }
        if isKw("for") && elts.count > 1 {
            throw error(from: elts[0].loc, to: elts[elts.count - 1].loc, "did you forget parentheses around the comprehension target?")
        }
        _ = try expectOp("]")
        return Expr(.list(elts: elts), loc: locFrom(open))
    }

    func parseBraceAtom() throws(ParseError) -> Expr {
        let open = advance()
        if acceptOp("}") { return Expr(.dict(keys: [], values: []), loc: locFrom(open)) }
        if isOp("**") {
            return try parseDictRest(open: open, keys: [], values: [])
        }
        let first = try parseStarNamedExpression()
        if isOp(":") {
            if case .starred = first.kind { throw genericError() }
            advance()
            let value = try parseExpression()
            if isKw("for") || isKw("async") {
                let gens = try parseComprehensionClauses()
                _ = try expectOp("}")
                return Expr(.dictComp(key: first, value: value, generators: gens), loc: locFrom(open))
            }
            return try parseDictRest(open: open, keys: [first], values: [value])
        }
        // A set.
        if isKw("for") || isKw("async") {
            if case .starred = first.kind {
                throw error(first.loc, "iterable unpacking cannot be used in comprehension")
            }
            let gens = try parseComprehensionClauses()
            _ = try expectOp("}")
            return Expr(.setComp(elt: first, generators: gens), loc: locFrom(open))
        }
        var elts = [first]
        while acceptOp(",") {
            if isOp("}") { break }
            elts.append(try parseStarNamedExpression())
        }
        if isKw("for") && elts.count > 1 {
            throw error(from: elts[0].loc, to: elts[elts.count - 1].loc, "did you forget parentheses around the comprehension target?")
        }
        _ = try expectOp("}")
        return Expr(.set(elts: elts), loc: locFrom(open))
    }

    /// Parses remaining dict items after the first (if any). The current token
    /// is ',' , '}' or '**'.
    func parseDictRest(open: Token, keys: [Expr?], values: [Expr]) throws(ParseError) -> Expr {
        var keys = keys
        var values = values
        var needComma = !keys.isEmpty
        while true {
            if needComma {
                if !acceptOp(",") { break }
            }
            needComma = true
            if isOp("}") { break }
            if acceptOp("**") {
                keys.append(nil)
                values.append(try parseBitwiseOr())
                continue
            }
            let k = try parseExpression()
            if !isOp(":") {
                if isOp(",") || isOp("}") {
                    throw makeError("':' expected after dictionary key", line: k.loc.line, column: k.loc.column + 1,
                                    endLine: k.loc.line, endColumn: 0)
                }
                throw genericError()
            }
            advance()
            keys.append(k)
            values.append(try parseExpression())
        }
        _ = try expectOp("}")
        return Expr(.dict(keys: keys, values: values), loc: locFrom(open))
    }
}
