// Parameter lists, shared by `def` and `lambda`, and the `lambda` expression
// itself. Separate because parameter parsing is its own small grammar used
// by both the statement and the expression parser.

extension PyParser {
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
}
