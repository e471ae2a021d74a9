import Syntax

// if/for/while and return/break/continue, with the frame-block unwinding
// that return/break/continue need to leave loops, handlers and with blocks.
// Separate because it is the jump-and-block machinery of statements.

extension CodeGen {
    // MARK: control flow

    func compileIf(_ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let end = newLabel()
        let next = orelse.isEmpty ? end : newLabel()
        try jumpIf(test, next, false)
        try compileStmts(body)
        if !orelse.isEmpty {
            emitJump(.jump, end)
            bind(next)
            try compileStmts(orelse)
        }
        bind(end)
    }

    func compileFor(_ s: Stmt, _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let start = newLabel(), cleanup = newLabel(), end = newLabel()
        try compileIterable(iter)
        emit(.getIter)
        bind(start)
        unit.fblocks.append(.forLoop(start: start, exit: end))
        emitJump(.forIter, cleanup)
        try compileStore(target)
        try compileStmts(body)
        unit.loc = s.loc
        emitJump(.jump, start)
        bind(cleanup)
        unit.fblocks.removeLast()
        try compileStmts(orelse)
        bind(end)
    }

    func compileWhile(_ s: Stmt, _ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let loop = newLabel(), bodyLabel = newLabel(), anchor = newLabel(), end = newLabel()
        bind(loop)
        unit.fblocks.append(.whileLoop(start: loop, exit: end))
        try jumpIf(test, anchor, false)
        bind(bodyLabel)
        try compileStmts(body)
        unit.loc = s.loc
        try jumpIf(test, bodyLabel, true)
        unit.fblocks.removeLast()
        bind(anchor)
        try compileStmts(orelse)
        bind(end)
    }

    func compileReturn(_ s: Stmt, _ value: Expr?) throws {
        guard unit.isFunctionBlock else { throw error("'return' outside function", s.loc) }
        let constant = value.flatMap(constantValue)
        let preserve = value != nil && constant == nil
        if let value, preserve { try compileExpr(value) }
        let savedHandlers = unit.handlerStack
        _ = try unwindFBlockStack(preserveTOS: preserve, stopAtLoop: false)
        unit.loc = s.loc
        if value == nil {
            loadConst(.none)
        } else if let constant {
            loadConst(constant)
        }
        emit(.returnValue)
        unit.handlerStack = savedHandlers
    }

    func compileBreak(_ s: Stmt) throws {
        let savedHandlers = unit.handlerStack
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            throw error("'break' outside loop", s.loc)
        }
        unit.loc = s.loc
        try unwindFBlock(loop, preserveTOS: false)
        switch loop {
        case let .whileLoop(_, exit), let .forLoop(_, exit):
            emitJump(.jump, exit)
        default:
            throw internalError("break target is not a loop")
        }
        unit.handlerStack = savedHandlers
    }

    func compileContinue(_ s: Stmt) throws {
        let savedHandlers = unit.handlerStack
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            throw error("'continue' not properly in loop", s.loc)
        }
        unit.loc = s.loc
        switch loop {
        case let .whileLoop(start, _), let .forLoop(start, _):
            emitJump(.jump, start)
        default:
            throw internalError("continue target is not a loop")
        }
        unit.handlerStack = savedHandlers
    }

    /// Emits the code leaving every frame block up to (not including) the innermost loop if `stopAtLoop`,
    /// else all of them. Returns that loop. The blocks are restored afterwards; the caller restores the
    /// handler stack once it has emitted its jump / return.
    func unwindFBlockStack(preserveTOS: Bool, stopAtLoop: Bool) throws -> FBlock? {
        guard let top = unit.fblocks.last else { return nil }
        if stopAtLoop && top.isLoop { return top }
        unit.fblocks.removeLast()
        defer { unit.fblocks.append(top) }
        try unwindFBlock(top, preserveTOS: preserveTOS)
        return try unwindFBlockStack(preserveTOS: preserveTOS, stopAtLoop: stopAtLoop)
    }

    /// CPython's `compiler_unwind_fblock`. With `preserveTOS`, a value (the return value) stays on top.
    func unwindFBlock(_ block: FBlock, preserveTOS: Bool) throws {
        switch block {
        case .whileLoop, .exceptionHandler:
            break
        case .forLoop, .popValue:
            if preserveTOS { emit(.swap, 2) }
            emit(.popTop)
        case let .tryExcept(handler):
            unit.popHandler(handler)
        case let .finallyTry(body, handler):
            unit.popHandler(handler)
            if preserveTOS { unit.fblocks.append(.popValue) }
            try compileStmts(body)
            if preserveTOS { unit.fblocks.removeLast() }
        case let .finallyEnd(handler):
            if preserveTOS { emit(.swap, 2) }
            emit(.popTop)  // the exception
            if preserveTOS { emit(.swap, 2) }
            unit.popHandler(handler)
            emit(.popExcept)
        case let .with(loc, handler):
            withLoc(loc) {
                unit.popHandler(handler)
                // [exit, self, value] -> [value, exit, self]
                if preserveTOS { emit(.swap, 3); emit(.swap, 2) }
                callExitWithNones()
                emit(.popTop)
            }
        case let .handlerCleanup(name, nameHandler, cleanupHandler):
            if let nameHandler { unit.popHandler(nameHandler) }
            if preserveTOS { emit(.swap, 2) }
            unit.popHandler(cleanupHandler)
            emit(.popExcept)
            if let name {
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
            }
        }
    }

    /// `[exit, self] -> [exit(self, None, None, None)]` (see BEFORE_WITH).
    func callExitWithNones() {
        loadConst(.none)
        loadConst(.none)
        loadConst(.none)
        emit(.call, 3)
    }
}
