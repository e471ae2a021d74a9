// Expression grammar (CPython's Grammar/python.gram, expression part).

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

    /// The targets of a `for` loop or comprehension, up to (not including)
    /// `in`, reporting invalid targets like CPython's `invalid_for_target`.
    func parseForTarget() throws(ParseError) -> Expr {
        let startIdx = pos
        var target: Expr? = nil
        var failure: ParseError? = nil
        do throws(ParseError) {
            let t = try parseTargetList()
            if isKw("in") { target = t } else { failure = genericError() }
        } catch {
            failure = error
        }
        if let target {
            try validateTarget(target, del: false)
            return target
        }
        let err = failure!
        if err.fromLexer { throw err }
        // Second chance, as CPython's error pass: `'for' star_expressions`.
        let save = pos, saveMax = maxPos
        pos = startIdx
        let reparsed = try? parseStarExpressions()
        try rethrowIfLexErrorFetched()
        if let reparsed, let bad = PyParser.invalidForTarget(reparsed) {
            throw error(bad.loc, "cannot assign to \(PyParser.exprName(bad))")
        }
        pos = save
        maxPos = saveMax
        throw err
    }

    /// `_PyPegen_get_invalid_target` for FOR_TARGETS: `x in y` parsed as a
    /// comparison means only `x` is the target.
    static func invalidForTarget(_ e: Expr) -> Expr? {
        switch e.kind {
        case .list(let elts), .tuple(let elts):
            for x in elts {
                if let bad = invalidForTarget(x) { return bad }
            }
            return nil
        case .starred(let v):
            return invalidForTarget(v)
        case .compare(let left, let ops, _):
            return ops.first == .in ? invalidForTarget(left) : nil
        case .name, .subscript, .attribute:
            return nil
        default:
            return e
        }
    }

    /// `star_targets`: comma-separated (possibly starred) targets. Items are
    /// parsed at `primary` level (CPython's `t_primary`/`star_atom`), so an
    /// operator after a target is a syntax error at that operator.
    func parseTargetList() throws(ParseError) -> Expr {
        let startIdx = pos
        let first = try parseTargetItem()
        if !isOp(",") { return first }
        var elts = [first]
        while acceptOp(",") {
            if !startsStarExpression { break }
            elts.append(try parseTargetItem())
        }
        return Expr(.tuple(elts: elts), loc: locFrom(index: startIdx))
    }

    func parseTargetItem() throws(ParseError) -> Expr {
        if isOp("*") {
            let s = advance()
            if isOp("*") { throw genericError() }
            let v = try parseTargetItem()
            return Expr(.starred(value: v), loc: locFrom(s))
        }
        return try parsePrimary()
    }

    /// Finds the first sub-expression that cannot be assigned to (or deleted),
    /// like CPython's `_PyPegen_get_invalid_target`.
    static func invalidTarget(_ e: Expr, del: Bool) -> Expr? {
        switch e.kind {
        case .list(let elts), .tuple(let elts):
            for x in elts {
                if let bad = invalidTarget(x, del: del) { return bad }
            }
            return nil
        case .starred(let v):
            if del { return e }
            return invalidTarget(v, del: del)
        case .name, .subscript, .attribute:
            return nil
        default:
            return e
        }
    }

    func validateTarget(_ e: Expr, del: Bool) throws(ParseError) {
        if let bad = PyParser.invalidTarget(e, del: del) {
            throw error(bad.loc, "cannot \(del ? "delete" : "assign to") \(PyParser.exprName(bad))")
        }
    }

    /// Checks starred usage in an assignment target (CPython's compiler checks).
    func validateStarredTarget(_ e: Expr) throws(ParseError) {
        switch e.kind {
        case .starred:
            throw error(e.loc, "starred assignment target must be in a list or tuple")
        case .tuple(let elts), .list(let elts):
            var count = 0
            for x in elts {
                if case .starred(let inner) = x.kind {
                    count += 1
                    if count > 1 { throw error(e.loc, "multiple starred expressions in assignment") }
                    try validateStarredInner(inner)
                } else {
                    try validateStarredInner(x)
                }
            }
        default:
            break
        }
    }

    private func validateStarredInner(_ e: Expr) throws(ParseError) {
        switch e.kind {
        case .tuple, .list: try validateStarredTarget(e)
        default: break
        }
    }

    /// `x = *a` and similar: a bare starred expression used as a value.
    func rejectBareStarred(_ e: Expr) throws(ParseError) {
        if case .starred = e.kind {
            throw error(e.loc, "can't use starred expression here")
        }
    }

    // MARK: lambda

    func parseLambda() throws(ParseError) -> Expr {
        let startIdx = pos
        advance() // 'lambda'
        let args = try parseParameters(closing: ":", annotations: false)
        _ = try expectOp(":")
        let body = try parseExpression()
        return Expr(.lambda(args: args, body: body), loc: locFrom(index: startIdx))
    }

    /// Parameters of a `def` (closing ")") or `lambda` (closing ":").
    func parseParameters(closing: String, annotations: Bool) throws(ParseError) -> Arguments {
        var a = Arguments()
        var seenSlash = false
        var seenStar = false
        var bareStar: Token? = nil
        var seenKwarg = false
        var seenDefault = false
        var names: Set<String> = []

        func parseParam(starAnnotation: Bool = false) throws(ParseError) -> Arg {
            let nameTok = try expectName()
            var ann: Expr? = nil
            if annotations && acceptOp(":") {
                ann = starAnnotation ? try parseStarExpression() : try parseExpression()
            }
            if names.contains(nameTok.text) {
                throw error(at: nameTok, "duplicate argument '\(nameTok.text)' in function definition")
            }
            names.insert(nameTok.text)
            return Arg(name: nameTok.text, annotation: ann, loc: locFrom(nameTok))
        }

        while !isOp(closing) {
            if seenKwarg {
                throw error(at: tok, "arguments cannot follow var-keyword argument")
            }
            if isOp("/") {
                let slash = advance()
                if seenSlash { throw error(at: slash, "/ may appear only once") }
                if seenStar { throw error(at: slash, "/ must be ahead of *") }
                if a.args.isEmpty { throw error(at: slash, "at least one argument must precede /") }
                seenSlash = true
                a.posonlyargs = a.args
                a.args = []
            } else if isOp("*") {
                let star = advance()
                if seenStar { throw error(at: star, "* argument may appear only once") }
                seenStar = true
                if isOp(",") || isOp(closing) {
                    bareStar = star
                    if isOp(closing) || (peekTok(1).kind == .op && peekTok(1).text == "**") {
                        throw error(at: star, "named arguments must follow bare *")
                    }
                } else {
                    a.vararg = try parseParam(starAnnotation: true)
                    if isOp("=") { throw error(at: tok, "var-positional argument cannot have default value") }
                }
            } else if isOp("**") {
                advance()
                a.kwarg = try parseParam()
                if isOp("=") { throw error(at: tok, "var-keyword argument cannot have default value") }
                seenKwarg = true
            } else if isOp("(") {
                // `def f(a, (b, c))`: CPython's invalid_parameters.
                let open = tok
                var k = 1
                var sawName = false
                while true {
                    let t = peekTok(k)
                    if t.kind == .name && !pythonKeywords.contains(t.text) {
                        sawName = true
                        k += 1
                        let sep = peekTok(k)
                        if sep.kind == .op && sep.text == "," { k += 1; continue }
                    }
                    break
                }
                let close = peekTok(k)
                if sawName && close.kind == .op && close.text == ")" {
                    throw error(from: open.loc, to: close.loc, closing == ")" ? "Function parameters cannot be parenthesized"
                                                                             : "Lambda expression parameters cannot be parenthesized")
                }
                throw genericError()
            } else {
                let paramTok = tok
                let p = try parseParam()
                var def: Expr? = nil
                if isOp("=") {
                    let eq = advance()
                    if closing == ")" && (isOp(",") || isOp(")")) {
                        throw error(at: eq, "expected default value expression")
                    }
                    def = try parseExpression()
                }
                if seenStar {
                    a.kwonlyargs.append(p)
                    a.kwDefaults.append(def)
                } else {
                    if let def {
                        a.defaults.append(def)
                        seenDefault = true
                    } else if seenDefault && (isOp(",") || isOp(closing)) {
                        throw error(at: paramTok, "non-default argument follows default argument")
                    }
                    a.args.append(p)
                }
            }
            if !acceptOp(",") { break }
        }
        if let bareStar, a.kwonlyargs.isEmpty {
            throw error(at: bareStar, "named arguments must follow bare *")
        }
        return a
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
