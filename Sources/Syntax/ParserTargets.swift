// Assignment, `del` and `for` targets: parsing them and finding the part
// that cannot be assigned to, reported like CPython's `invalid_*_target`
// rules. Separate from the expression levels because targets are parsed
// and validated by their own rules (statements and comprehensions use them).

extension PyParser {
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
}
