// Statement grammar: entry points, blocks and compound statements. Simple
// statements are in ParserSimpleStatements.swift.

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
}
