// Statement grammar, simple statements: keyword statements (pass, return,
// raise, global, ...), imports, and expression/assignment statements with
// CPython's invalid-assignment reporting. Separate from the compound
// statements in ParserStatements.swift, which only dispatch here.

extension PyParser {
    // MARK: simple statements

    func parseSimpleStatement() throws(ParseError) -> Stmt {
        let start = tok
        if start.kind == .name {
            switch start.text {
            case "pass": advance(); return Stmt(.pass, loc: start.loc)
            case "break": advance(); return Stmt(.break, loc: start.loc)
            case "continue": advance(); return Stmt(.continue, loc: start.loc)
            case "return":
                advance()
                var value: Expr? = nil
                if startsStarExpression {
                    let v = try parseStarExpressions()
                    try rejectBareStarred(v)
                    value = v
                }
                return Stmt(.return(value: value), loc: locFrom(start))
            case "raise":
                advance()
                var exc: Expr? = nil
                var cause: Expr? = nil
                if startsExpression {
                    exc = try parseExpression()
                    if acceptKw("from") {
                        cause = try parseExpression()
                    }
                }
                return Stmt(.raise(exc: exc, cause: cause), loc: locFrom(start))
            case "global", "nonlocal":
                advance()
                var names = [try expectName().text]
                while acceptOp(",") { names.append(try expectName().text) }
                return Stmt(start.text == "global" ? .global(names: names) : .nonlocal(names: names), loc: locFrom(start))
            case "del":
                advance()
                let targetsIdx = pos
                var targets: [Expr] = []
                do throws(ParseError) {
                    repeat {
                        if tok.kind == .newline || isOp(";") { break }
                        targets.append(try parseTargetItem())
                    } while acceptOp(",")
                    if targets.isEmpty || (tok.kind != .newline && !isOp(";")) { throw genericError() }
                } catch {
                    // CPython's invalid_del_stmt: `'del' star_expressions`.
                    if !error.fromLexer {
                        let save = pos, saveMax = maxPos
                        pos = targetsIdx
                        let reparsed = try? parseStarExpressions()
                        try rethrowIfLexErrorFetched()
                        if let reparsed, let bad = PyParser.invalidTarget(reparsed, del: true) {
                            throw self.error(bad.loc, "cannot delete \(PyParser.exprName(bad))")
                        }
                        pos = save
                        maxPos = saveMax
                    }
                    throw error
                }
                for t in targets { try validateTarget(t, del: true) }
                return Stmt(.delete(targets: targets), loc: locFrom(start))
            case "assert":
                advance()
                let test = try parseExpression()
                var msg: Expr? = nil
                if acceptOp(",") { msg = try parseExpression() }
                return Stmt(.assert(test: test, msg: msg), loc: locFrom(start))
            case "import":
                return try parseImport()
            case "from":
                return try parseImportFrom()
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    func parseDottedName() throws(ParseError) -> String {
        var name = try expectName().text
        while isOp(".") {
            advance()
            name += "." + (try expectName().text)
        }
        return name
    }

    func parseImport() throws(ParseError) -> Stmt {
        let start = advance()
        var names: [Alias] = []
        repeat {
            let aStart = tok
            let name = try parseDottedName()
            var asname: String? = nil
            if acceptKw("as") { asname = try expectName().text }
            names.append(Alias(name: name, asname: asname, loc: locFrom(aStart)))
        } while acceptOp(",")
        return Stmt(.import(names: names), loc: locFrom(start))
    }

    func parseImportFrom() throws(ParseError) -> Stmt {
        let start = advance()
        var level = 0
        while true {
            if acceptOp(".") { level += 1 } else if acceptOp("...") { level += 3 } else { break }
        }
        var module: String? = nil
        if !isKw("import") || level == 0 {
            module = try parseDottedName()
        }
        _ = try expectKw("import")
        var names: [Alias] = []
        if isOp("*") {
            let star = advance()
            names.append(Alias(name: "*", loc: star.loc))
        } else if acceptOp("(") {
            repeat {
                if isOp(")") && !names.isEmpty { break }
                names.append(try parseImportAlias())
            } while acceptOp(",")
            _ = try expectOp(")")
        } else {
            names.append(try parseImportAlias())
            while acceptOp(",") {
                if tok.kind == .newline {
                    throw errorAtLastToken("trailing comma not allowed without surrounding parentheses")
                }
                names.append(try parseImportAlias())
            }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), loc: locFrom(start))
    }

    func parseImportAlias() throws(ParseError) -> Alias {
        let nameTok = try expectName()
        var asname: String? = nil
        if acceptKw("as") { asname = try expectName().text }
        return Alias(name: nameTok.text, asname: asname, loc: locFrom(nameTok))
    }

    static func augAssignOp(_ t: Token) -> BinOp? {
        guard t.kind == .op else { return nil }
        switch t.text {
        case "+=": return .add
        case "-=": return .sub
        case "*=": return .mult
        case "@=": return .matMult
        case "/=": return .div
        case "%=": return .mod
        case "&=": return .bitAnd
        case "|=": return .bitOr
        case "^=": return .bitXor
        case "<<=": return .lShift
        case ">>=": return .rShift
        case "**=": return .pow
        case "//=": return .floorDiv
        default: return nil
        }
    }

    /// Right-hand side of an assignment: `yield_expr | star_expressions`.
    func parseAssignmentValue() throws(ParseError) -> Expr {
        if isKw("yield") { return try parseYieldExpr() }
        return try parseStarExpressions()
    }

    func parseExpressionStatement() throws(ParseError) -> Stmt {
        let start = tok
        let e = try parseAssignmentValue()

        if isOp("=") {
            var targets = [e]
            // Index of the '=' after each target.
            var equals: [Int] = []
            var value: Expr? = nil
            var rhsError: ParseError? = nil
            var rhsStarts = true
            while true {
                equals.append(pos)
                advance() // '='
                rhsStarts = startsStarExpression || isKw("yield")
                do throws(ParseError) {
                    let rhs = try parseAssignmentValue()
                    if isOp("=") {
                        targets.append(rhs)
                        continue
                    }
                    value = rhs
                } catch {
                    rhsError = error
                }
                break
            }
            // Specific errors inside the value win (CPython raises them while
            // parsing the value, before trying invalid_assignment).
            if let rhsError, !rhsError.isGeneric { throw rhsError }
            let badTargets = targets.contains { t in
                if case .yield = t.kind { return true }
                if case .yieldFrom = t.kind { return true }
                return PyParser.invalidTarget(t, del: false) != nil
            }
            // A value with a valid prefix makes CPython's assignment rule
            // succeed (the error comes later), unless a target is invalid.
            if badTargets || (rhsError != nil && !rhsStarts) {
                try reportInvalidAssignment(targets: targets, equals: equals, startTok: start)
                throw rhsError ?? genericError()
            }
            if let rhsError { throw rhsError }
            for t in targets { try validateStarredTarget(t) }
            try rejectBareStarred(value!)
            return Stmt(.assign(targets: targets, value: value!), loc: locFrom(start))
        }

        if let op = PyParser.augAssignOp(tok) {
            switch e.kind {
            case .name, .attribute, .subscript: break
            default:
                throw error(e.loc, "'\(PyParser.exprName(e))' is an illegal expression for augmented assignment")
            }
            advance()
            let value = try parseAssignmentValue()
            try rejectBareStarred(value)
            return Stmt(.augAssign(target: e, op: op, value: value), loc: locFrom(start))
        }

        if isOp(":") {
            let parenthesized = start.kind == .op && start.text == "("
            // The invalid-target messages need `':' expression` (CPython's
            // invalid_assignment); otherwise it is a plain syntax error at ':'.
            let annotationFollows = startsExpression(toks[min(pos + 1, toks.count - 1)])
            switch e.kind {
            case .name, .attribute, .subscript: break
            default:
                if !annotationFollows { throw genericError() }
            }
            switch e.kind {
            case .name, .attribute, .subscript: break
            case .tuple(let elts):
                if parenthesized || elts.isEmpty {
                    throw error(e.loc, "only single target (not tuple) can be annotated")
                }
                throw error(elts[0].loc, "only single target (not tuple) can be annotated")
            case .list:
                throw error(e.loc, "only single target (not list) can be annotated")
            default:
                throw error(e.loc, "illegal target for annotation")
            }
            advance()
            let annotation = try parseExpression()
            var value: Expr? = nil
            if acceptOp("=") {
                let v = try parseAssignmentValue()
                try rejectBareStarred(v)
                value = v
            }
            var simple = false
            if case .name = e.kind, !parenthesized { simple = true }
            return Stmt(.annAssign(target: e, annotation: annotation, value: value, simple: simple), loc: locFrom(start))
        }

        try rejectBareStarred(e)
        return Stmt(.expr(value: e), loc: locFrom(start))
    }

    /// CPython's error pass for a failed `targets = value` statement
    /// (`invalid_assignment`, whose `star_named_expression` alternative also
    /// runs `invalid_named_expression`). Throws the first matching error.
    func reportInvalidAssignment(targets: [Expr], equals: [Int], startTok: Token) throws(ParseError) {
        let save = pos, saveMax = maxPos
        defer { pos = save; maxPos = saveMax }
        /// `a '=' bitwise_or !('='|':=')` for the expression `a` followed by
        /// the '=' at `eqIdx`.
        func namedExpressionCheck(_ a: Expr, eqIdx: Int) throws(ParseError) {
            pos = eqIdx + 1
            guard startsBitwiseOr(tok) else { return }
            let b: Expr
            do {
                b = try parseBitwiseOr()
            } catch {
                try rethrowIfLexErrorFetched()
                return
            }
            try rethrowIfLexErrorFetched()
            if isOp("=") || isOp(":=") { return }
            if case .name = a.kind {
                throw error(from: a.loc, to: b.loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            }
            switch a.kind {
            case .list, .tuple, .generatorExp: return
            case .constant(let c) where c == .true || c == .false || c == .none: return
            default: break
            }
            if PyParser.isBitwiseOrLevel(a) {
                throw error(a.loc, "cannot assign to \(PyParser.exprName(a)) here. Maybe you meant '==' instead of '='?")
            }
        }
        let first = targets[0]
        let parenthesized = startTok.kind == .op && (startTok.text == "(" || startTok.text == "[")
        if case .tuple(let elts) = first.kind, !parenthesized, let last = elts.last {
            // Only the last element of an unparenthesized tuple is followed by '='.
            try namedExpressionCheck(last, eqIdx: equals[0])
        } else {
            try namedExpressionCheck(first, eqIdx: equals[0])
        }
        // `(star_targets '=')* a=star_expressions '='`
        for t in targets {
            switch t.kind {
            case .yield, .yieldFrom:
                throw error(t.loc, "assignment to yield expression not possible")
            default:
                break
            }
            if let bad = PyParser.invalidTarget(t, del: false) {
                throw error(bad.loc, "cannot assign to \(PyParser.exprName(bad))")
            }
        }
    }

    /// Whether an expression starting with `t` begins with a `bitwise_or`.
    func startsBitwiseOr(_ t: Token) -> Bool {
        if !startsExpression(t) { return false }
        if t.kind == .name && (t.text == "not" || t.text == "lambda") { return false }
        return true
    }
}
