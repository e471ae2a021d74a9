// Expression grammar (CPython's Grammar/python.gram, expression part): the
// operator levels from `star_expressions` down to `await`, plus `yield`.
// Primaries and atoms, targets, and lambda/parameters are in
// ParserPrimaries.swift, ParserTargets.swift and ParserParameters.swift.

extension PyParser {
    // MARK: helpers

    /// Whether the current token can start an expression (CPython's
    /// `expression_without_invalid` first set).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .string: return true
        case .name:
            if !pythonKeywords.contains(t.text) { return true }
            switch t.text {
            case "True", "False", "None", "not", "lambda", "await": return true
            default: return false
            }
        case .op:
            switch t.text {
            case "(", "[", "{", "-", "+", "~", "...": return true
            default: return false
            }
        default: return false
        }
    }

    var startsExpression: Bool { startsExpression(tok) }

    /// Start of a `star_expressions` item.
    var startsStarExpression: Bool { startsExpression(tok) || isOp("*") }

    static func exprName(_ e: Expr) -> String { e.cpythonName }

    /// Whether `e` could have been produced by CPython's `bitwise_or` rule.
    static func isBitwiseOrLevel(_ e: Expr) -> Bool {
        switch e.kind {
        case .boolOp, .compare, .ifExp, .lambda, .namedExpr, .starred, .yield, .yieldFrom: return false
        case .unaryOp(let op, _): return op != .not
        case .tuple, .slice: return false
        default: return true
        }
    }

    // MARK: star_expressions etc.

    /// `star_expressions`: one or more (possibly starred) expressions; a tuple
    /// if there is a comma.
    func parseStarExpressions() throws(ParseError) -> Expr {
        let startIdx = pos
        let first = try parseStarExpression()
        if !isOp(",") { return first }
        var elts = [first]
        while acceptOp(",") {
            if !startsStarExpression { break }
            elts.append(try parseStarExpression())
        }
        return Expr(.tuple(elts: elts), loc: locFrom(index: startIdx))
    }

    func parseStarExpression() throws(ParseError) -> Expr {
        if isOp("*") {
            let s = advance()
            let v = try parseBitwiseOr()
            return Expr(.starred(value: v), loc: locFrom(s))
        }
        return try parseExpression()
    }

    /// `star_named_expression` (display elements).
    func parseStarNamedExpression() throws(ParseError) -> Expr {
        if isOp("*") {
            let s = advance()
            let v = try parseBitwiseOr()
            return Expr(.starred(value: v), loc: locFrom(s))
        }
        return try parseNamedExpression()
    }

    /// `named_expression`: `NAME := expression` or `expression`.
    func parseNamedExpression() throws(ParseError) -> Expr {
        if isName && peekTok(1).kind == .op && peekTok(1).text == ":=" {
            let nameTok = advance()
            advance()
            let value = try parseExpression()
            let target = Expr(.name(id: nameTok.text), loc: nameTok.loc)
            return Expr(.namedExpr(target: target, value: value), loc: locFrom(nameTok))
        }
        let e = try parseExpression()
        if isOp(":=") {
            throw error(e.loc, "cannot use assignment expressions with \(PyParser.exprName(e))")
        }
        if isOp("=") { try checkInvalidNamedExpression(e) }
        return e
    }

    /// CPython's `invalid_named_expression`: `x = 1` where an expression is
    /// expected. Throws the specific error if it applies; otherwise returns.
    func checkInvalidNamedExpression(_ e: Expr) throws(ParseError) {
        let save = pos, saveMax = maxPos
        defer { pos = save; maxPos = saveMax }
        guard isOp("=") else { return }
        advance()
        guard startsExpression else { return }
        let rhs: Expr
        do { rhs = try parseBitwiseOr() } catch {
            try rethrowIfLexErrorFetched()
            return
        }
        try rethrowIfLexErrorFetched()
        if isOp("=") || isOp(":=") { return }
        if case .name = e.kind {
            throw error(from: e.loc, to: rhs.loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
        }
        switch e.kind {
        case .list, .tuple, .generatorExp: return
        case .constant(let c) where c == .true || c == .false || c == .none: return
        default: break
        }
        if PyParser.isBitwiseOrLevel(e) {
            throw error(e.loc, "cannot assign to \(PyParser.exprName(e)) here. Maybe you meant '==' instead of '='?")
        }
    }

    /// CPython raises a tokenizer error as soon as the parser fetches the
    /// bad token, even while trying an error-reporting alternative.
    func rethrowIfLexErrorFetched() throws(ParseError) {
        if let lexError, toks[maxPos].kind == .errorToken {
            throw ParseError(error: lexError, isGeneric: false, fromLexer: true)
        }
    }

    // MARK: expression

    func parseExpression() throws(ParseError) -> Expr {
        try enter()
        defer { depth -= 1 }
        if isKw("lambda") { return try parseLambda() }
        let startIdx = pos
        let a = try parseDisjunction()
        if startsExpression { try checkJuxtaposed(a, startIdx: startIdx) }
        if isKw("if") {
            advance()
            let test = try parseDisjunction()
            if !isKw("else") {
                if isOp(":") { throw genericError() }
                throw error(from: a.loc, to: test.loc, "expected 'else' after 'if' expression")
            }
            advance()
            let orelse = try parseExpression()
            return Expr(.ifExp(test: test, body: a, orelse: orelse), loc: locFrom(index: startIdx))
        }
        return a
    }

    /// An expression directly followed by another one: CPython's
    /// "Perhaps you forgot a comma?" and "Missing parentheses in call to 'print'".
    func checkJuxtaposed(_ a: Expr, startIdx: Int) throws(ParseError) {
        let start = toks[startIdx]
        let save = pos, saveMax = maxPos
        defer { pos = save; maxPos = saveMax }
        if case .name(let id) = a.kind {
            // CPython's invalid_legacy_expression (`NAME !'(' star_expressions`)
            // is tried for any name; it only reports print and exec, but its
            // lookahead matters for which tokens were looked at.
            let parsed = try? parseStarExpressions()
            try rethrowIfLexErrorFetched()
            if let b = parsed, id == "print" || id == "exec" {
                throw error(from: a.loc, to: b.loc, "Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?")
            }
            if id == "print" || id == "exec" { return }
            pos = save
            maxPos = saveMax
        }
        // !(NAME STRING | SOFT_KEYWORD)
        if start.kind == .name {
            if toks[min(startIdx + 1, toks.count - 1)].kind == .string { return }
            if start.text == "match" || start.text == "case" || start.text == "_" { return }
        }
        let b: Expr
        do { b = try parseExpression() } catch {
            try rethrowIfLexErrorFetched()
            return
        }
        try rethrowIfLexErrorFetched()
        let lastLevel = toks[max(pos - 1, 0)].level
        if lastLevel == 0 && !inFString { return }
        throw error(from: a.loc, to: b.loc, "invalid syntax. Perhaps you forgot a comma?")
    }

    func parseDisjunction() throws(ParseError) -> Expr {
        let startIdx = pos
        let first = try parseConjunction()
        if !isKw("or") { return first }
        var values = [first]
        while acceptKw("or") { values.append(try parseConjunction()) }
        return Expr(.boolOp(op: .or, values: values), loc: locFrom(index: startIdx))
    }

    func parseConjunction() throws(ParseError) -> Expr {
        let startIdx = pos
        let first = try parseInversion()
        if !isKw("and") { return first }
        var values = [first]
        while acceptKw("and") { values.append(try parseInversion()) }
        return Expr(.boolOp(op: .and, values: values), loc: locFrom(index: startIdx))
    }

    func parseInversion() throws(ParseError) -> Expr {
        if isKw("not") {
            try enter()
            defer { depth -= 1 }
            let startIdx = pos
            advance()
            let operand = try parseInversion()
            return Expr(.unaryOp(op: .not, operand: operand), loc: locFrom(index: startIdx))
        }
        return try parseComparison()
    }

    func compareOp() -> CmpOp? {
        let t = tok
        if t.kind == .op {
            switch t.text {
            case "==": return .eq
            case "!=": return .notEq
            case "<": return .lt
            case "<=": return .ltE
            case ">": return .gt
            case ">=": return .gtE
            default: return nil
            }
        }
        if t.kind == .name {
            switch t.text {
            case "in": return .in
            case "is":
                let n = peekTok(1)
                return n.kind == .name && n.text == "not" ? .isNot : .is
            case "not":
                let n = peekTok(1)
                return n.kind == .name && n.text == "in" ? .notIn : nil
            default: return nil
            }
        }
        return nil
    }

    func parseComparison() throws(ParseError) -> Expr {
        let startIdx = pos
        let left = try parseBitwiseOr()
        guard var op = compareOp() else { return left }
        var ops: [CmpOp] = []
        var comparators: [Expr] = []
        while true {
            advance()
            if op == .isNot || op == .notIn { advance() }
            ops.append(op)
            comparators.append(try parseBitwiseOr())
            guard let next = compareOp() else { break }
            op = next
        }
        return Expr(.compare(left: left, ops: ops, comparators: comparators), loc: locFrom(index: startIdx))
    }

    @inline(__always) static func binaryOperator(_ t: Token) -> (BinOp, Int)? {
        guard t.kind == .op else { return nil }
        switch t.text {
        case "|": return (.bitOr, 1)
        case "^": return (.bitXor, 2)
        case "&": return (.bitAnd, 3)
        case "<<": return (.lShift, 4)
        case ">>": return (.rShift, 4)
        case "+": return (.add, 5)
        case "-": return (.sub, 5)
        case "*": return (.mult, 6)
        case "/": return (.div, 6)
        case "//": return (.floorDiv, 6)
        case "%": return (.mod, 6)
        case "@": return (.matMult, 6)
        default: return nil
        }
    }

    /// `bitwise_or` and everything below it down to `term`, by precedence
    /// climbing (all these operators are left-associative). One stack frame
    /// per precedence level actually used keeps deep nesting cheap.
    func parseBitwiseOr() throws(ParseError) -> Expr {
        try parseBinary(minPrec: 1)
    }

    func parseBinary(minPrec: Int) throws(ParseError) -> Expr {
        let startIdx = pos
        var left = try parseFactor()
        var chain = 0
        defer { depth -= chain }
        while let (op, prec) = PyParser.binaryOperator(toks[pos]), prec >= minPrec {
            advance()
            // A left-deep chain nests the AST just like recursion does.
            chain += 1
            try enter()
            let right = try parseBinary(minPrec: prec + 1)
            left = Expr(.binOp(left: left, op: op, right: right), loc: locFrom(index: startIdx))
        }
        return left
    }

    func parseFactor() throws(ParseError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let t = tok
        if t.kind == .op {
            let op: UnaryOp?
            switch t.text {
            case "+": op = .uAdd
            case "-": op = .uSub
            case "~": op = .invert
            default: op = nil
            }
            if let op {
                advance()
                let operand = try parseFactor()
                return Expr(.unaryOp(op: op, operand: operand), loc: locFrom(t))
            }
        }
        return try parsePower()
    }

    func parsePower() throws(ParseError) -> Expr {
        let startIdx = pos
        let base = try parseAwaitPrimary()
        if isOp("**") {
            advance()
            let exp = try parseFactor()
            return Expr(.binOp(left: base, op: .pow, right: exp), loc: locFrom(index: startIdx))
        }
        return base
    }

    func parseAwaitPrimary() throws(ParseError) -> Expr {
        if isKw("await") {
            throw error(at: tok, "'await' is not supported yet")
        }
        return try parsePrimary()
    }

    // MARK: yield

    func parseYieldExpr() throws(ParseError) -> Expr {
        let startIdx = pos
        advance() // 'yield'
        if acceptKw("from") {
            let v = try parseExpression()
            return Expr(.yieldFrom(value: v), loc: locFrom(index: startIdx))
        }
        if startsStarExpression {
            let v = try parseStarExpressions()
            return Expr(.yield(value: v), loc: locFrom(index: startIdx))
        }
        return Expr(.yield(value: nil), loc: locFrom(index: startIdx))
    }
}
