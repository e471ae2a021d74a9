import BigInt
import Syntax

// Statement dispatch, assignment/del/augmented-assignment targets and
// imports. Separate from Compiler.swift (the CodeGen core) so each kind of
// construct is compiled in its own file; loops, try and with are in
// CodeGenControlFlow.swift and CodeGenTryWith.swift.

extension CodeGen {
    // MARK: statements

    func compileStmts(_ stmts: [Stmt]) throws {
        for s in stmts { try compileStmt(s) }
    }

    func compileStmt(_ s: Stmt) throws {
        let saved = unit.loc
        unit.loc = s.loc
        defer { unit.loc = saved }
        switch s.kind {
        case let .functionDef(name, args, body, decorators, _):
            try compileFunctionDef(s, name, args, body, decorators)
        case let .classDef(name, bases, keywords, body, decorators):
            try compileClassDef(s, name, bases, keywords, body, decorators)
        case let .return(value):
            try compileReturn(s, value)
        case let .delete(targets):
            for t in targets { try compileDelete(t) }
        case let .assign(targets, value):
            if try compileSwapAssign(targets, value) { break }
            try compileExpr(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.copy, 1) }
                try compileStore(t)
            }
        case let .augAssign(target, op, value):
            try compileAugAssign(target, op, value)
        case let .annAssign(target, _, value, _):
            // Annotations are ignored entirely; only the assignment (if any) is compiled.
            if let value {
                try compileExpr(value)
                try compileStore(target)
            }
        case let .for(target, iter, body, orelse):
            try compileFor(s, target, iter, body, orelse)
        case let .while(test, body, orelse):
            try compileWhile(s, test, body, orelse)
        case let .if(test, body, orelse):
            try compileIf(test, body, orelse)
        case let .with(items, body):
            try compileWith(s, items, 0, body)
        case let .raise(exc, cause):
            var n: Int32 = 0
            if let exc {
                try compileExpr(exc)
                n = 1
                if let cause {
                    try compileExpr(cause)
                    n = 2
                }
            }
            emit(.raiseVarargs, n)
        case let .try(body, handlers, orelse, finalbody):
            if !finalbody.isEmpty {
                try compileTryFinally(s, body, handlers, orelse, finalbody)
            } else {
                try compileTryExcept(s, body, handlers, orelse)
            }
        case let .assert(test, msg):
            let end = newLabel()
            try jumpIf(test, end, true)
            emit(.loadAssertionError)
            if let msg {
                try compileExpr(msg)
                emit(.call, 0)
            }
            emit(.raiseVarargs, 1)
            bind(end)
        case let .import(names):
            try compileImport(names)
        case let .importFrom(module, names, level):
            try compileImportFrom(module, names, level)
        case .global, .nonlocal, .pass:
            break
        case let .expr(value):
            if mode == .interactive && unit.kind == .module {
                try compileExpr(value)
                emit(.printExpr)
            } else if constantValue(value) == nil {
                try compileExpr(value)
                emit(.popTop)
            }
        case .break:
            try compileBreak(s)
        case .continue:
            try compileContinue(s)
        }
    }

    // MARK: assignment targets

    func compileStore(_ target: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .name(id):
                try compileName(id, .store)
            case let .attribute(value, attr):
                try compileExpr(value)
                emitName(.storeAttr, attr)
            case let .subscript(value, slice):
                try compileExpr(value)
                try compileExpr(slice)
                emit(.storeSubscr)
            case let .tuple(elts), let .list(elts):
                try unpackHelper(elts)
                for x in elts {
                    if case let .starred(v) = x.kind {
                        try compileStore(v)
                    } else {
                        try compileStore(x)
                    }
                }
            case .starred:
                throw error("starred assignment target must be in a list or tuple", target.loc)
            default:
                throw error("cannot assign to \(exprName(target))", target.loc)
            }
        }
    }

    func unpackHelper(_ elts: [Expr]) throws {
        var seenStar = false
        for (i, x) in elts.enumerated() where isStarred(x) {
            if seenStar {
                throw error("multiple starred expressions in assignment", unit.loc)
            }
            let after = elts.count - i - 1
            if i >= 256 || after >= (Int(Int32.max) >> 8) {
                throw error("too many expressions in star-unpacking assignment", unit.loc)
            }
            emit(.unpackEx, i | (after << 8))
            seenStar = true
        }
        if !seenStar { emit(.unpackSequence, elts.count) }
    }

    func compileDelete(_ target: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .name(id):
                try compileName(id, .del)
            case let .attribute(value, attr):
                try compileExpr(value)
                emitName(.deleteAttr, attr)
            case let .subscript(value, slice):
                try compileExpr(value)
                try compileExpr(slice)
                emit(.deleteSubscr)
            case let .tuple(elts), let .list(elts):
                for x in elts { try compileDelete(x) }
            default:
                throw error("cannot delete \(exprName(target))", target.loc)
            }
        }
    }

    func compileAugAssign(_ target: Expr, _ op: BinOp, _ value: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .attribute(obj, attr):
                try compileExpr(obj)
                emit(.copy, 1)
                emitName(.loadAttr, attr)
            case let .subscript(obj, slice):
                try compileExpr(obj)
                try compileExpr(slice)
                emit(.copy, 2)
                emit(.copy, 2)
                emit(.binarySubscr)
            case let .name(id):
                try compileName(id, .load)
            default:
                throw error("'\(exprName(target))' is an illegal expression for augmented assignment", target.loc)
            }
        }
        try compileExpr(value)
        emit(.binaryOp, binaryOperator(op, inplace: true).rawValue)
        try withLoc(target.loc) {
            switch target.kind {
            case let .attribute(_, attr):
                emit(.swap, 2)
                emitName(.storeAttr, attr)
            case .subscript:
                emit(.swap, 3)
                emit(.swap, 2)
                emit(.storeSubscr)
            case let .name(id):
                try compileName(id, .store)
            default:
                break
            }
        }
    }

    // MARK: imports

    func compileImport(_ names: [Alias]) throws {
        for alias in names {
            loadConst(.int(0))
            loadConst(.none)
            emitName(.importName, alias.name)
            let parts = alias.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let asname = alias.asname {
                if parts.count > 1 {
                    for (i, attr) in parts.dropFirst().enumerated() {
                        emitName(.importFrom, attr)
                        if i < parts.count - 2 {
                            emit(.swap, 2)
                            emit(.popTop)
                        }
                    }
                    try compileName(asname, .store)
                    emit(.popTop)
                } else {
                    try compileName(asname, .store)
                }
            } else {
                try compileName(parts[0], .store)
            }
        }
    }

    func compileImportFrom(_ module: String?, _ names: [Alias], _ level: Int) throws {
        loadConst(.int(BigInt(level)))
        loadConst(.tuple(names.map { .str($0.name) }))
        emitName(.importName, module ?? "")
        for (i, alias) in names.enumerated() {
            if i == 0 && alias.name.hasPrefix("*") {
                emit(.importStar)
                return
            }
            emitName(.importFrom, alias.name)
            try compileName(alias.asname ?? alias.name, .store)
        }
        emit(.popTop)
    }
}

extension CodeGen {
    /// `a, b = b, a + b` (two or three names or other plain targets on each side): the values are
    /// computed, reordered with one SWAP and stored, without building and unpacking a tuple — what
    /// CPython 3.11's optimizer makes of `BUILD_TUPLE n; UNPACK_SEQUENCE n` for n = 2 or 3. Every value is
    /// still computed before any target is stored. Returns false, nothing emitted, otherwise.
    func compileSwapAssign(_ targets: [Expr], _ value: Expr) throws -> Bool {
        guard targets.count == 1, case let .tuple(values) = value.kind, values.count == 2 || values.count == 3,
              !values.contains(where: isStarred) else { return false }
        let names: [Expr]
        switch targets[0].kind {
        case let .tuple(elts), let .list(elts): names = elts
        default: return false
        }
        guard names.count == values.count, !names.contains(where: isStarred) else { return false }
        for v in values { try compileExpr(v) }
        emit(.swap, values.count)
        for t in names { try compileStore(t) }
        return true
    }
}
