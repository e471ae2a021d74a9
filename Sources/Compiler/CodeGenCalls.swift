import Syntax

// Calls: keyword checks, zero-argument super(), method calls, and the
// general argument/keyword packing of CPython's compiler_call_helper.
// Separate because call compilation has its own fast paths and limits.

extension CodeGen {
    // MARK: calls

    func validateKeywords(_ keywords: [Keyword]) throws {
        for (i, k) in keywords.enumerated() {
            guard let name = k.arg else { continue }
            if name == "__debug__" { throw error("cannot assign to __debug__", k.loc) }
            for other in keywords[(i + 1)...] where other.arg == name {
                throw error("keyword argument repeated: \(name)", other.loc)
            }
        }
    }

    func compileCall(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword]) throws {
        if try compileZeroArgSuper(fn, args, keywords) { return }
        if try compileMethodCall(fn, args, keywords) { return }
        withLoc(fn.loc) { emit(.pushNull) }
        try compileExpr(fn)
        try callHelper(pushed: 0, args, keywords)
    }

    /// `super()` in a function that has `__class__` as a free variable and at least one positional
    /// parameter: compiled as `super(__class__, <first parameter>)`.
    func compileZeroArgSuper(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword]) throws -> Bool {
        guard case let .name(id) = fn.kind, id == "super", args.isEmpty, keywords.isEmpty,
              unit.isFunctionBlock, unit.scope.scope(of: "__class__") == .free, unit.argcount > 0,
              let superScope = unit.scope.scope(of: "super"),
              superScope == .globalImplicit || superScope == .globalExplicit
        else { return false }
        withLoc(fn.loc) { emit(.pushNull) }
        try withLoc(fn.loc) { try compileName("super", .load) }
        try compileName("__class__", .load)
        try compileName(unit.varnames[0], .load)
        emit(.call, 2)
        return true
    }

    /// `obj.m(args)` → `obj; loadMethod m; args; call n` (CPython's `maybe_optimize_method_call`).
    func compileMethodCall(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword]) throws -> Bool {
        guard case let .attribute(obj, attr) = fn.kind else { return false }
        if keywords.count > stackUseGuideline { return false }
        if args.count + keywords.count + (keywords.isEmpty ? 0 : 1) >= stackUseGuideline { return false }
        if args.contains(where: isStarred) || keywords.contains(where: { $0.arg == nil }) { return false }
        try validateKeywords(keywords)
        try compileExpr(obj)
        withLoc(fn.loc) { emitName(.loadMethod, attr) }
        for a in args { try compileExpr(a) }
        try compileSimpleKeywords(keywords)
        emit(.call, args.count + keywords.count)
        return true
    }

    func compileSimpleKeywords(_ keywords: [Keyword]) throws {
        if keywords.isEmpty { return }
        for k in keywords { try compileExpr(k.value) }
        let names = Constant.tuple(keywords.map { .str($0.arg!) })
        emit(.kwNames, unit.addConst(names))
    }

    /// Arguments of a call whose callable (and `pushed` extra leading arguments) are on the stack
    /// (CPython's `compiler_call_helper`).
    func callHelper(pushed: Int, _ args: [Expr], _ keywords: [Keyword]) throws {
        try validateKeywords(keywords)
        let nelts = args.count, nkw = keywords.count
        let simple = nelts + nkw * 2 <= stackUseGuideline
            && !args.contains(where: isStarred) && !keywords.contains(where: { $0.arg == nil })
        if simple {
            for a in args { try compileExpr(a) }
            try compileSimpleKeywords(keywords)
            emit(.call, pushed + nelts + nkw)
            return
        }
        // Positional arguments as a tuple.
        try starunpack(args, pushed: pushed, kind: .tuple)
        // Keyword arguments as a dict.
        if nkw > 0 {
            var haveDict = false
            var nseen = 0
            for (i, k) in keywords.enumerated() {
                if k.arg == nil {
                    if nseen > 0 {
                        try compileSubkwargs(keywords[(i - nseen)..<i])
                        if haveDict { emit(.dictMerge, 1) }
                        haveDict = true
                        nseen = 0
                    }
                    if !haveDict {
                        emit(.buildMap, 0)
                        haveDict = true
                    }
                    try compileExpr(k.value)
                    emit(.dictMerge, 1)
                } else {
                    nseen += 1
                }
            }
            if nseen > 0 {
                try compileSubkwargs(keywords[(nkw - nseen)..<nkw])
                if haveDict { emit(.dictMerge, 1) }
            }
        }
        emit(.callFunctionEx, nkw > 0 ? 1 : 0)
    }

    func compileSubkwargs(_ keywords: ArraySlice<Keyword>) throws {
        let n = keywords.count
        let big = n * 2 > stackUseGuideline
        if big { emit(.buildMap, 0) }
        for k in keywords {
            loadConst(.str(k.arg!))
            try compileExpr(k.value)
            if big { emit(.mapAdd, 1) }
        }
        if !big { emit(.buildMap, n) }
    }
}
