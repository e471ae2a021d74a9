import Syntax

// try/except, try/finally and with (CPython 3.11's exception-table style
// handlers). Separate because these set up handlers and cleanup blocks,
// the most intricate code generation of the statements.

extension CodeGen {
    /// `try: body except ...: ... else: orelse` (CPython 3.11's `compiler_try_except`).
    func compileTryExcept(_ s: Stmt, _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        let except = newLabel(), end = newLabel(), cleanup = newLabel()
        let bodyHandler = unit.pushHandler(except, pushLasti: false)
        unit.fblocks.append(.tryExcept(handler: bodyHandler))
        try compileStmts(body)
        unit.fblocks.removeLast()
        unit.popHandler(bodyHandler)
        try compileStmts(orelse)
        unit.loc = s.loc
        emitJump(.jump, end)

        // The handler: [exc] on the stack.
        bind(except)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)  // [prev_exc, exc]
        unit.fblocks.append(.exceptionHandler)
        for (i, h) in handlers.enumerated() {
            unit.loc = h.loc
            if h.type == nil && i < handlers.count - 1 {
                throw error("default 'except:' must be last", h.loc)
            }
            let nextClause = newLabel()
            if let type = h.type {
                try compileExpr(type)
                emit(.checkExcMatch)
                emitJump(.popJumpIfFalse, nextClause)
            }
            if let name = h.name {
                let cleanupEnd = newLabel()
                try compileName(name, .store)  // [prev_exc]
                // try: body finally: name = None; del name
                let nameHandler = unit.pushHandler(cleanupEnd, pushLasti: true)
                unit.fblocks.append(.handlerCleanup(name: name, nameHandler: nameHandler, cleanupHandler: cleanupHandler))
                try compileStmts(h.body)
                unit.fblocks.removeLast()
                unit.loc = h.loc
                unit.popHandler(nameHandler)
                unit.popHandler(cleanupHandler)
                emit(.popExcept)
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
                emitJump(.jump, end)

                // The clause body raised: [prev_exc, lasti, exc2].
                unit.reactivateHandler(cleanupHandler)
                bind(cleanupEnd)
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
                emit(.reraise, 1)
            } else {
                emit(.popTop)  // the exception; [prev_exc]
                unit.fblocks.append(.handlerCleanup(name: nil, nameHandler: nil, cleanupHandler: cleanupHandler))
                try compileStmts(h.body)
                unit.fblocks.removeLast()
                unit.loc = h.loc
                unit.popHandler(cleanupHandler)
                emit(.popExcept)
                emitJump(.jump, end)
                unit.reactivateHandler(cleanupHandler)
            }
            bind(nextClause)
        }
        unit.fblocks.removeLast()
        // No clause matched: re-raise (into the cleanup handler, which restores the previous exception).
        unit.loc = s.loc
        emit(.reraise, 0)
        unit.popHandler(cleanupHandler)
        bind(cleanup)  // [prev_exc, lasti, exc]
        emitPopExceptAndReraise()
        bind(end)
    }

    func emitPopExceptAndReraise() {
        emit(.copy, 3)
        emit(.popExcept)
        emit(.reraise, 1)
    }

    /// `try: ... finally: finalbody` (with or without except clauses).
    func compileTryFinally(_ s: Stmt, _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt],
                           _ finalbody: [Stmt]) throws {
        let end = newLabel(), exit = newLabel(), cleanup = newLabel()
        let bodyHandler = unit.pushHandler(end, pushLasti: false)
        unit.fblocks.append(.finallyTry(body: finalbody, handler: bodyHandler))
        if !handlers.isEmpty {
            try compileTryExcept(s, body, handlers, orelse)
        } else {
            try compileStmts(body)
        }
        unit.fblocks.removeLast()
        unit.popHandler(bodyHandler)
        try compileStmts(finalbody)
        unit.loc = s.loc
        emitJump(.jump, exit)

        // Exceptional path: [exc].
        bind(end)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)  // [prev_exc, exc]
        unit.fblocks.append(.finallyEnd(handler: cleanupHandler))
        try compileStmts(finalbody)
        unit.fblocks.removeLast()
        unit.loc = s.loc
        emit(.reraise, 0)
        unit.popHandler(cleanupHandler)
        bind(cleanup)
        emitPopExceptAndReraise()
        bind(exit)
    }

    /// `with a as b, c as d: body` — one level per item (CPython 3.11's `compiler_with`).
    func compileWith(_ s: Stmt, _ items: [WithItem], _ pos: Int, _ body: [Stmt]) throws {
        let item = items[pos]
        let final = newLabel(), exit = newLabel(), cleanup = newLabel()
        try compileExpr(item.contextExpr)
        unit.loc = s.loc
        emit(.beforeWith)  // [exit, self, enter_result]
        // The handler unwinds to [exit, self] (below the __enter__ result) and pushes lasti.
        let withHandler = unit.pushHandler(final, pushLasti: true, adjust: -1)
        unit.fblocks.append(.with(loc: s.loc, handler: withHandler))
        if let v = item.optionalVars {
            try compileStore(v)
        } else {
            emit(.popTop)
        }
        if pos + 1 == items.count {
            try compileStmts(body)
        } else {
            try compileWith(s, items, pos + 1, body)
        }
        unit.fblocks.removeLast()
        unit.loc = s.loc
        unit.popHandler(withHandler)
        // Normal exit: __exit__(None, None, None).
        callExitWithNones()
        emit(.popTop)
        emitJump(.jump, exit)

        // Exceptional exit: [exit, self, lasti, exc].
        bind(final)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)       // [exit, self, lasti, prev_exc, exc]
        emit(.withExceptStart)   // [exit, self, lasti, prev_exc, exc, result]
        let suppress = newLabel()
        emitJump(.popJumpIfTrue, suppress)
        // Re-raise exc with the original lasti: [exit, self, lasti, prev_exc, lasti, exc].
        emit(.copy, 3)
        emit(.swap, 2)
        emit(.reraise, 1)
        unit.popHandler(cleanupHandler)
        bind(cleanup)
        emitPopExceptAndReraise()
        bind(suppress)
        unit.reactivateHandler(cleanupHandler)
        emit(.popTop)            // exc
        unit.popHandler(cleanupHandler)
        emit(.popExcept)         // [exit, self, lasti]
        emit(.popTop)
        emit(.popTop)
        emit(.popTop)
        bind(exit)
    }
}
