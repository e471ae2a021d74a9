import BigInt
import Syntax

// Expression dispatch, comparisons and conditional jumps. Displays, calls,
// functions/lambdas/classes and comprehensions are in CodeGenDisplays.swift,
// CodeGenCalls.swift, CodeGenFunctions.swift and CodeGenComprehensions.swift.

enum SequenceKind { case list, set, tuple }

extension CodeGen {
    // MARK: expressions

    func compileExpr(_ e: Expr) throws {
        let saved = unit.loc
        unit.loc = e.loc
        defer { unit.loc = saved }
        switch e.kind {
        case let .constant(c):
            loadConst(convertConstant(c))
        case let .name(id):
            if id == "__debug__" {
                loadConst(.true)
            } else {
                try compileName(id, .load)
            }
        case let .tuple(elts):
            if let c = constantValue(e) {
                loadConst(c)
            } else {
                try starunpack(elts, pushed: 0, kind: .tuple)
            }
        case let .list(elts):
            try starunpack(elts, pushed: 0, kind: .list)
        case let .set(elts):
            try starunpack(elts, pushed: 0, kind: .set)
        case let .dict(keys, values):
            try compileDict(keys, values)
        case let .unaryOp(op, operand):
            if let c = constantValue(e) {
                loadConst(c)
                return
            }
            try compileExpr(operand)
            let arg: UnaryOperator
            switch op {
            case .invert: arg = .invert
            case .not: arg = .not
            case .uAdd: arg = .positive
            case .uSub: arg = .negative
            }
            emit(.unaryOp, arg.rawValue)
        case let .binOp(left, op, right):
            try compileExpr(left)
            try compileExpr(right)
            emit(.binaryOp, binaryOperator(op, inplace: false).rawValue)
        case let .boolOp(op, values):
            let end = newLabel()
            let jump: Opcode = op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop
            for v in values.dropLast() {
                try compileExpr(v)
                emitJump(jump, end)
            }
            try compileExpr(values[values.count - 1])
            bind(end)
        case let .compare(left, ops, comparators):
            try compileCompare(left, ops, comparators)
        case let .ifExp(test, body, orelse):
            let end = newLabel(), next = newLabel()
            try jumpIf(test, next, false)
            try compileExpr(body)
            emitJump(.jump, end)
            bind(next)
            try compileExpr(orelse)
            bind(end)
        case let .lambda(args, body):
            try compileLambda(e, args, body)
        case let .listComp(elt, generators):
            try compileComprehension(e, .list, generators, elt, nil)
        case let .setComp(elt, generators):
            try compileComprehension(e, .set, generators, elt, nil)
        case let .dictComp(key, value, generators):
            try compileComprehension(e, .dict, generators, key, value)
        case let .generatorExp(elt, generators):
            try compileComprehension(e, .generator, generators, elt, nil)
        case let .yield(value):
            guard unit.isFunctionBlock else { throw error("'yield' outside function", e.loc) }
            if let value {
                try compileExpr(value)
            } else {
                loadConst(.none)
            }
            emit(.yieldValue)
        case let .yieldFrom(value):
            guard unit.isFunctionBlock else { throw error("'yield' outside function", e.loc) }
            try compileExpr(value)
            emit(.getYieldFromIter)
            loadConst(.none)
            emitYieldFromLoop()
        case let .call(fn, args, keywords):
            try compileCall(fn, args, keywords)
        case let .attribute(value, attr):
            try compileExpr(value)
            emitName(.loadAttr, attr)
        case let .subscript(value, slice):
            try compileExpr(value)
            try compileExpr(slice)
            emit(.binarySubscr)
        case let .slice(lower, upper, step):
            if let lower { try compileExpr(lower) } else { loadConst(.none) }
            if let upper { try compileExpr(upper) } else { loadConst(.none) }
            if let step {
                try compileExpr(step)
                emit(.buildSlice, 3)
            } else {
                emit(.buildSlice, 2)
            }
        case .starred:
            throw error("can't use starred expression here", e.loc)
        case let .joinedStr(values):
            try compileJoinedStr(values)
        case let .formattedValue(value, conversion, spec):
            try compileExpr(value)
            var arg: Int32
            switch conversion {
            case "s"?: arg = 1
            case "r"?: arg = 2
            case "a"?: arg = 3
            case nil: arg = 0
            case let c?: throw error("f-string: invalid conversion character '\(c)': expected 's', 'r', or 'a'", e.loc)
            }
            if let spec {
                try compileExpr(spec)
                arg |= 4
            }
            emit(.formatValue, arg)
        case .namedExpr:
            throw error("assignment expressions (:=) are not supported yet", e.loc)
        }
    }

    /// `L: send EXIT; yieldValue; jump L; EXIT:` with `[subiterator, value]` on the stack.
    func emitYieldFromLoop() {
        let start = newLabel(), exit = newLabel()
        bind(start)
        emitJump(.send, exit)
        emit(.yieldValue)
        emitJump(.jump, start)
        bind(exit)
    }

    /// An iterable being looped over: a list display becomes a tuple (as CPython's AST optimizer does).
    func compileIterable(_ e: Expr) throws {
        if case let .list(elts) = e.kind, !elts.contains(where: isStarred) {
            try compileExpr(Expr(.tuple(elts: elts), loc: e.loc))
        } else {
            try compileExpr(e)
        }
    }

    // MARK: comparisons and conditional jumps

    func emitCompareOp(_ op: CmpOp) {
        switch op {
        case .eq: emit(.compareOp, ComparisonOperator.eq.rawValue)
        case .notEq: emit(.compareOp, ComparisonOperator.ne.rawValue)
        case .lt: emit(.compareOp, ComparisonOperator.lt.rawValue)
        case .ltE: emit(.compareOp, ComparisonOperator.le.rawValue)
        case .gt: emit(.compareOp, ComparisonOperator.gt.rawValue)
        case .gtE: emit(.compareOp, ComparisonOperator.ge.rawValue)
        case .is: emit(.isOp, 0)
        case .isNot: emit(.isOp, 1)
        case .in: emit(.containsOp, 0)
        case .notIn: emit(.containsOp, 1)
        }
    }

    /// A comparator; the last operand of `in` / `not in` gets the iterable treatment.
    func compileComparator(_ e: Expr, _ op: CmpOp, isLast: Bool) throws {
        if isLast && (op == .in || op == .notIn) {
            try compileIterable(e)
        } else {
            try compileExpr(e)
        }
    }

    func compileCompare(_ left: Expr, _ ops: [CmpOp], _ comparators: [Expr]) throws {
        try compileExpr(left)
        let n = ops.count - 1
        if n == 0 {
            try compileComparator(comparators[0], ops[0], isLast: true)
            emitCompareOp(ops[0])
            return
        }
        let cleanup = newLabel(), end = newLabel()
        for i in 0..<n {
            try compileExpr(comparators[i])
            emit(.swap, 2)
            emit(.copy, 2)
            emitCompareOp(ops[i])
            emitJump(.jumpIfFalseOrPop, cleanup)
        }
        try compileComparator(comparators[n], ops[n], isLast: true)
        emitCompareOp(ops[n])
        emitJump(.jump, end)
        bind(cleanup)
        emit(.swap, 2)
        emit(.popTop)
        bind(end)
    }

    /// Jumps to `target` if the truth of `e` equals `cond` (CPython's `compiler_jump_if`).
    func jumpIf(_ e: Expr, _ target: Label, _ cond: Bool) throws {
        if let c = constantValue(e) {
            if constantTruth(c) == cond { withLoc(e.loc) { emitJump(.jump, target) } }
            return
        }
        switch e.kind {
        case let .unaryOp(.not, operand):
            try jumpIf(operand, target, !cond)
            return
        case let .boolOp(op, values):
            let cond2 = op == .or
            var next2 = target
            if cond2 != cond { next2 = newLabel() }
            for v in values.dropLast() {
                try jumpIf(v, next2, cond2)
            }
            try jumpIf(values[values.count - 1], target, cond)
            if next2 != target { bind(next2) }
            return
        case let .ifExp(test, body, orelse):
            let end = newLabel(), next2 = newLabel()
            try jumpIf(test, next2, false)
            try jumpIf(body, target, cond)
            emitJump(.jump, end)
            bind(next2)
            try jumpIf(orelse, target, cond)
            bind(end)
            return
        case let .compare(left, ops, comparators) where ops.count > 1:
            try withLoc(e.loc) {
                let n = ops.count - 1
                let cleanup = newLabel()
                try compileExpr(left)
                for i in 0..<n {
                    try compileExpr(comparators[i])
                    emit(.swap, 2)
                    emit(.copy, 2)
                    emitCompareOp(ops[i])
                    emitJump(.popJumpIfFalse, cleanup)
                }
                try compileComparator(comparators[n], ops[n], isLast: true)
                emitCompareOp(ops[n])
                emitJump(cond ? .popJumpIfTrue : .popJumpIfFalse, target)
                let end = newLabel()
                emitJump(.jump, end)
                bind(cleanup)
                emit(.popTop)
                if !cond { emitJump(.jump, target) }
                bind(end)
            }
            return
        default:
            break
        }
        try compileExpr(e)
        withLoc(e.loc) { emitJump(cond ? .popJumpIfTrue : .popJumpIfFalse, target) }
    }
}
