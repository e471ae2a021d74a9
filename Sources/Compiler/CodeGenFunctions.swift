import Syntax

// Function, lambda and class definitions: defaults, closures, decorators
// and the child code objects. Separate because these create new units
// (code objects) rather than code in the current one.

extension CodeGen {
    // MARK: functions, lambdas, classes

    func checkDebugArgs(_ args: Arguments) throws {
        let all = args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg].compactMap { $0 }
        for a in all where a.name == "__debug__" {
            throw error("cannot assign to __debug__", a.loc)
        }
    }

    /// Pushes the defaults tuple and kw-defaults dict; returns the corresponding makeFunction flags.
    func compileDefaults(_ args: Arguments) throws -> Int32 {
        var flags: Int32 = 0
        if !args.defaults.isEmpty {
            if let consts = allConstants(args.defaults) {
                loadConst(.tuple(consts))
            } else {
                for d in args.defaults { try compileExpr(d) }
                emit(.buildTuple, args.defaults.count)
            }
            flags |= 1
        }
        var count = 0
        for (a, d) in zip(args.kwonlyargs, args.kwDefaults) {
            guard let d else { continue }
            loadConst(.str(mangle(unit.privateName, a.name)))
            try compileExpr(d)
            count += 1
        }
        if count > 0 {
            emit(.buildMap, count)
            flags |= 2
        }
        return flags
    }

    /// Pushes the closure tuple (if `code` has free variables) and the code, then makes the function.
    func makeClosure(_ code: CodeObject, flags: Int32) throws {
        var flags = flags
        if !code.freevars.isEmpty {
            for name in code.freevars {
                let index: Int32?
                if unit.kind == .classBody && name == "__class__" {
                    index = unit.cellIndex(name)
                } else if unit.scope.scope(of: name) == .cell {
                    index = unit.cellIndex(name)
                } else {
                    index = unit.freeIndex(name)
                }
                guard let index else { throw internalError("no closure cell for \(name) in \(unit.qualname)") }
                emit(.loadClosure, index)
            }
            emit(.buildTuple, code.freevars.count)
            flags |= 8
        }
        loadConst(.code(code))
        emit(.makeFunction, flags)
    }

    func childScope(_ node: ScopeNode) throws -> Scope {
        guard let s = unit.scope.child(for: node) else { throw internalError("no symbol table for \(node.loc)") }
        return s
    }

    func setArgCounts(_ args: Arguments) {
        unit.argcount = args.posonlyargs.count + args.args.count
        unit.posonlyargcount = args.posonlyargs.count
        unit.kwonlyargcount = args.kwonlyargs.count
    }

    func applyDecorators(_ decorators: [Expr]) {
        for d in decorators.reversed() {
            withLoc(d.loc) { emit(.call, 0) }
        }
    }

    func compileFunctionDef(_ s: Stmt, _ name: String, _ args: Arguments, _ body: [Stmt],
                            _ decorators: [Expr]) throws {
        try checkDebugArgs(args)
        for d in decorators { try compileExpr(d) }
        let firstLine = decorators.first?.loc.line ?? s.loc.line
        let flags = try compileDefaults(args)
        let scope = try childScope(.stmt(s))
        enterUnit(scope, .function, name: name, firstLine: firstLine, loc: s.loc)
        setArgCounts(args)
        let doc = docstring(of: body)
        unit.docstring = doc
        for stmt in body.dropFirst(doc == nil ? 0 : 1) { try compileStmt(stmt) }
        if let last = body.last { unit.loc = last.loc }
        loadConst(.none)
        emit(.returnValue)
        let code = try finishUnit()
        try makeClosure(code, flags: flags)
        applyDecorators(decorators)
        try compileName(name, .store)
    }

    func compileLambda(_ e: Expr, _ args: Arguments, _ body: Expr) throws {
        try checkDebugArgs(args)
        let flags = try compileDefaults(args)
        let scope = try childScope(.expr(e))
        enterUnit(scope, .lambda, name: "<lambda>", firstLine: e.loc.line, loc: e.loc)
        setArgCounts(args)
        try compileExpr(body)
        emit(.returnValue)
        let code = try finishUnit()
        try makeClosure(code, flags: flags)
    }

    func compileClassDef(_ s: Stmt, _ name: String, _ bases: [Expr], _ keywords: [Keyword], _ body: [Stmt],
                         _ decorators: [Expr]) throws {
        for d in decorators { try compileExpr(d) }
        let firstLine = decorators.first?.loc.line ?? s.loc.line
        let scope = try childScope(.stmt(s))
        enterUnit(scope, .classBody, name: name, firstLine: firstLine, loc: s.loc)
        unit.privateName = name
        try compileName("__name__", .load)
        try compileName("__module__", .store)
        loadConst(.str(unit.qualname))
        try compileName("__qualname__", .store)
        try compileBody(body)
        if let last = body.last { unit.loc = last.loc }
        if scope.needsClassClosure {
            guard let cell = unit.cellIndex("__class__") else { throw internalError("no __class__ cell") }
            emit(.loadClosure, cell)
            try compileName("__classcell__", .store)
        }
        loadConst(.none)
        emit(.returnValue)
        let code = try finishUnit()

        emit(.pushNull)
        emit(.loadBuildClass)
        try makeClosure(code, flags: 0)
        loadConst(.str(name))
        try callHelper(pushed: 2, bases, keywords)
        applyDecorators(decorators)
        try compileName(name, .store)
    }
}
