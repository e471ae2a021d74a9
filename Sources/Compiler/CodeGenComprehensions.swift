import Syntax

// List/set/dict comprehensions and generator expressions, each compiled
// into its own function code object (CPython 3.11). Separate because of
// that nested-unit structure and the per-generator loop nesting.

extension CodeGen {
    // MARK: comprehensions

    func compileComprehension(_ e: Expr, _ kind: ComprehensionKind, _ generators: [Comprehension],
                              _ elt: Expr, _ value: Expr?) throws {
        let scope = try childScope(.expr(e))
        enterUnit(scope, .comprehension, name: kind.codeName, firstLine: e.loc.line, loc: e.loc)
        unit.argcount = 1
        switch kind {
        case .list: emit(.buildList, 0)
        case .set: emit(.buildSet, 0)
        case .dict: emit(.buildMap, 0)
        case .generator: break
        }
        try compileComprehensionGenerator(generators, 0, 0, elt, value, kind)
        if kind == .generator { loadConst(.none) }
        emit(.returnValue)
        let code = try finishUnit()
        try makeClosure(code, flags: 0)
        // The outermost iterable is evaluated here and passed as `.0`.
        try compileIterable(generators[0].iter)
        emit(.getIter)
        emit(.call, 0)
    }

    func compileComprehensionGenerator(_ generators: [Comprehension], _ index: Int, _ depthIn: Int, _ elt: Expr,
                                       _ value: Expr?, _ kind: ComprehensionKind) throws {
        var depth = depthIn
        let gen = generators[index]
        var start: Label? = newLabel()
        let ifCleanup = newLabel(), anchor = newLabel()
        if index == 0 {
            emit(.loadFast, 0)  // .0
        } else {
            // `for y in [expr]`: bind y without a loop.
            if constantValue(gen.iter) == nil {
                switch gen.iter.kind {
                case let .list(elts), let .tuple(elts):
                    if elts.count == 1 && !isStarred(elts[0]) {
                        try compileExpr(elts[0])
                        start = nil
                    }
                default:
                    break
                }
            }
            if start != nil {
                try compileIterable(gen.iter)
                emit(.getIter)
            }
        }
        if let start {
            depth += 1
            bind(start)
            emitJump(.forIter, anchor)
        }
        try compileStore(gen.target)
        for cond in gen.ifs { try jumpIf(cond, ifCleanup, false) }
        if index + 1 < generators.count {
            try compileComprehensionGenerator(generators, index + 1, depth, elt, value, kind)
        } else {
            switch kind {
            case .generator:
                try compileExpr(elt)
                emit(.yieldValue)
                emit(.popTop)
            case .list:
                try compileExpr(elt)
                emit(.listAppend, depth + 1)
            case .set:
                try compileExpr(elt)
                emit(.setAdd, depth + 1)
            case .dict:
                try compileExpr(elt)
                try compileExpr(value!)
                emit(.mapAdd, depth + 1)
            }
        }
        bind(ifCleanup)
        if let start {
            emitJump(.jump, start)
            bind(anchor)
        }
    }
}
