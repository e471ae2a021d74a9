// Statement grammar.

extension PyParser {
    func parseFile() throws(ParseError) -> Module {
        var body: [Stmt] = []
        while tok.kind != .endmarker {
            try parseStatement(into: &body)
        }
        return Module(body: body)
    }

    /// `eval` input: expressions followed by optional newlines.
    func parseEvalInput() throws(ParseError) -> Expr {
        // `expressions`: like star_expressions but without starred items.
        let startIdx = pos
        var e = try parseExpression()
        if isOp(",") {
            var elts = [e]
            while acceptOp(",") {
                if !startsExpression { break }
                elts.append(try parseExpression())
            }
            e = Expr(.tuple(elts: elts), loc: locFrom(index: startIdx))
        }
        while tok.kind == .newline { advance() }
        if tok.kind != .endmarker { throw genericError() }
        return e
    }

    func parseStatement(into body: inout [Stmt]) throws(ParseError) {
        let t = tok
        if t.kind == .name {
            switch t.text {
            case "if": body.append(try parseIf()); return
            case "while": body.append(try parseWhile()); return
            case "for": body.append(try parseFor()); return
            case "try": body.append(try parseTry()); return
            case "with": body.append(try parseWith()); return
            case "def": body.append(try parseFunctionDef(decorators: [])); return
            case "class": body.append(try parseClassDef(decorators: [])); return
            case "async": throw error(at: t, "'async' is not supported yet")
            case "match":
                let save = pos
                do {
                    try parseSimpleStatements(into: &body)
                } catch {
                    if looksLikeMatchStatement(from: save) {
                        throw self.error(at: t, "'match' statement is not supported yet")
                    }
                    throw error
                }
                return
            default: break
            }
        } else if t.kind == .op && t.text == "@" {
            body.append(try parseDecorated())
            return
        }
        try parseSimpleStatements(into: &body)
    }

    /// `match <something> :` NEWLINE on one logical line.
    func looksLikeMatchStatement(from start: Int) -> Bool {
        var i = start + 1
        guard i < toks.count, startsExpression(toks[i]) || (toks[i].kind == .op && toks[i].text == "*") else { return false }
        while i < toks.count - 1 && toks[i].kind != .newline && toks[i].kind != .errorToken { i += 1 }
        return i > start + 1 && toks[i].kind == .newline && toks[i - 1].kind == .op && toks[i - 1].text == ":"
    }

    func parseSimpleStatements(into body: inout [Stmt]) throws(ParseError) {
        body.append(try parseSimpleStatement())
        while acceptOp(";") {
            if tok.kind == .newline { break }
            body.append(try parseSimpleStatement())
        }
        if tok.kind != .newline { throw genericError() }
        advance()
    }

    // MARK: blocks

    /// Expects ':' ending a compound statement header.
    func expectColon() throws(ParseError) {
        if acceptOp(":") { return }
        if tok.kind == .newline { throw error(at: tok, "expected ':'") }
        throw genericError()
    }

    /// A ':' that CPython's grammar marks as forced (`&&':'`, after `def`,
    /// `try`, `else` and `finally` headers): anything else is "expected ':'".
    func expectForcedColon() throws(ParseError) {
        if acceptOp(":") { return }
        throw error(at: tok, "expected ':'")
    }

    /// A block after a header's ':' — either an indented suite or simple
    /// statements on the same line. `what` names the statement for
    /// "expected an indented block after ...".
    func parseBlock(_ what: String, line: Int) throws(ParseError) -> [Stmt] {
        var body: [Stmt] = []
        if tok.kind == .newline {
            advance()
            if tok.kind != .indent {
                throw error(at: tok, "expected an indented block after \(what) on line \(line)", kind: .indentationError)
            }
            advance()
            while tok.kind != .dedent && tok.kind != .endmarker {
                try parseStatement(into: &body)
            }
            if tok.kind == .dedent { advance() }
            return body
        }
        try parseSimpleStatements(into: &body)
        return body
    }

    /// Location of a compound statement: from its first token to the last
    /// token of its block (as CPython: this includes a trailing ';').
    func stmtLoc(_ start: Token, _ body: [Stmt]) -> SourceLocation {
        var k = pos - 1
        while k > 0, toks[k].kind == .newline || toks[k].kind == .indent || toks[k].kind == .dedent { k -= 1 }
        let last = toks[max(k, 0)]
        return SourceLocation(line: start.line, column: start.column, endLine: last.endLine, endColumn: last.endColumn)
    }

    // MARK: compound statements

    func parseIf() throws(ParseError) -> Stmt {
        let start = advance() // 'if' or 'elif'
        let what = start.text == "if" ? "'if' statement" : "'elif' statement"
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock(what, line: start.line)
        var orelse: [Stmt] = []
        if isKw("elif") {
            orelse = [try parseIf()]
        } else if isKw("else") {
            orelse = try parseElseBlock()
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), loc: stmtLoc(start, orelse.isEmpty ? body : orelse))
    }

    func parseElseBlock() throws(ParseError) -> [Stmt] {
        let elseTok = advance()
        try expectForcedColon()
        return try parseBlock("'else' statement", line: elseTok.line)
    }

    func parseWhile() throws(ParseError) -> Stmt {
        let start = advance()
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock("'while' statement", line: start.line)
        var orelse: [Stmt] = []
        if isKw("else") { orelse = try parseElseBlock() }
        return Stmt(.while(test: test, body: body, orelse: orelse), loc: stmtLoc(start, orelse.isEmpty ? body : orelse))
    }

    func parseFor() throws(ParseError) -> Stmt {
        let start = advance()
        let target = try parseForTarget()
        advance() // 'in'
        let iter = try parseStarExpressions()
        try expectColon()
        let body = try parseBlock("'for' statement", line: start.line)
        var orelse: [Stmt] = []
        if isKw("else") { orelse = try parseElseBlock() }
        try validateStarredTarget(target)
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse), loc: stmtLoc(start, orelse.isEmpty ? body : orelse))
    }

    func parseWithItem() throws(ParseError) -> WithItem {
        let ctx = try parseExpression()
        if acceptKw("as") {
            let targetIdx = pos
            let target: Expr
            do throws(ParseError) {
                target = try parseTargetItem()
                if !(isOp(",") || isOp(")") || isOp(":")) { throw genericError() }
            } catch {
                // CPython's invalid_with_item: `expression 'as' expression`.
                if !error.fromLexer {
                    let save = pos, saveMax = maxPos
                    pos = targetIdx
                    let reparsed = try? parseExpression()
                    try rethrowIfLexErrorFetched()
                    if let reparsed, isOp(",") || isOp(")") || isOp(":"), let bad = PyParser.invalidTarget(reparsed, del: false) {
                        throw self.error(bad.loc, "cannot assign to \(PyParser.exprName(bad))")
                    }
                    pos = save
                    maxPos = saveMax
                }
                throw error
            }
            try validateTarget(target, del: false)
            try validateStarredTarget(target)
            return WithItem(contextExpr: ctx, optionalVars: target)
        }
        return WithItem(contextExpr: ctx)
    }

    func parseWith() throws(ParseError) -> Stmt {
        let start = advance()
        var items: [WithItem] = []
        var parsedParenthesized = false
        if isOp("(") {
            // Try `with ( item, item, ) :` first, as CPython does.
            let save = pos
            advance()
            do {
                var tmp: [WithItem] = []
                while true {
                    tmp.append(try parseWithItem())
                    if !acceptOp(",") { break }
                    if isOp(")") { break }
                }
                if isOp(")") && peekTok(1).kind == .op && peekTok(1).text == ":" {
                    advance()
                    items = tmp
                    parsedParenthesized = true
                }
            } catch {
                // Fall back to the plain form below.
            }
            if !parsedParenthesized { pos = save }
        }
        if !parsedParenthesized {
            items.append(try parseWithItem())
            while acceptOp(",") {
                items.append(try parseWithItem())
            }
        }
        try expectColon()
        let body = try parseBlock("'with' statement", line: start.line)
        return Stmt(.with(items: items, body: body), loc: stmtLoc(start, body))
    }

    func parseTry() throws(ParseError) -> Stmt {
        let start = advance()
        try expectForcedColon()
        let body = try parseBlock("'try' statement", line: start.line)
        var handlers: [ExceptHandler] = []
        var orelse: [Stmt] = []
        var finalbody: [Stmt] = []
        while isKw("except") {
            let exTok = advance()
            if isOp("*") { throw error(at: tok, "'except*' is not supported yet") }
            var type: Expr? = nil
            var name: String? = nil
            if !isOp(":") {
                let first = try parseExpression()
                type = first
                if isOp(",") {
                    var last = first
                    while acceptOp(",") {
                        if !startsExpression { break }
                        last = try parseExpression()
                    }
                    throw error(from: first.loc, to: last.loc, "multiple exception types must be parenthesized")
                }
                if acceptKw("as") {
                    name = try expectName().text
                }
            }
            try expectColon()
            let hbody = try parseBlock("'except' statement", line: exTok.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, loc: stmtLoc(exTok, hbody)))
        }
        for (i, h) in handlers.enumerated() where h.type == nil && i < handlers.count - 1 {
            throw error(h.loc, "default 'except:' must be last")
        }
        if !handlers.isEmpty && isKw("else") {
            orelse = try parseElseBlock()
        }
        if isKw("finally") {
            let fTok = advance()
            try expectForcedColon()
            finalbody = try parseBlock("'finally' statement", line: fTok.line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            throw errorAtLastToken("expected 'except' or 'finally' block")
        }
        let lastBody = !finalbody.isEmpty ? finalbody : !orelse.isEmpty ? orelse : handlers.last!.body
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), loc: stmtLoc(start, lastBody))
    }

    func parseDecorated() throws(ParseError) -> Stmt {
        var decorators: [Expr] = []
        while isOp("@") {
            advance()
            decorators.append(try parseNamedExpression())
            if tok.kind != .newline { throw genericError() }
            advance()
        }
        if isKw("def") { return try parseFunctionDef(decorators: decorators) }
        if isKw("class") { return try parseClassDef(decorators: decorators) }
        if isKw("async") { throw error(at: tok, "'async' is not supported yet") }
        throw genericError()
    }

    func parseFunctionDef(decorators: [Expr]) throws(ParseError) -> Stmt {
        let start = advance() // 'def'
        let name = try expectName()
        if !isOp("(") { throw error(at: tok, "expected '('") }
        advance()
        let args = try parseParameters(closing: ")", annotations: true)
        _ = try expectOp(")")
        var returns: Expr? = nil
        if acceptOp("->") {
            returns = try parseExpression()
        }
        try expectForcedColon()
        let body = try parseBlock("function definition", line: start.line)
        return Stmt(.functionDef(name: name.text, args: args, body: body, decorators: decorators, returns: returns),
                    loc: stmtLoc(start, body))
    }

    func parseClassDef(decorators: [Expr]) throws(ParseError) -> Stmt {
        let start = advance() // 'class'
        let name = try expectName()
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if acceptOp("(") {
            (bases, keywords) = try parseCallArguments(allowGenexp: false)
            _ = try expectOp(")")
        }
        try expectColon()
        let body = try parseBlock("class definition", line: start.line)
        return Stmt(.classDef(name: name.text, bases: bases, keywords: keywords, body: body, decorators: decorators),
                    loc: stmtLoc(start, body))
    }

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
