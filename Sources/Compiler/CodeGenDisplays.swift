import Syntax

// List, tuple, set and dict displays (with starred items, built in chunks
// past CPython's STACK_USE_GUIDELINE) and f-string joining. Separate from
// the expression dispatch in CodeGenExpr.swift, which calls into it.

extension CodeGen {
    // MARK: displays

    func allConstants(_ elts: [Expr]) -> [Constant]? {
        var out: [Constant] = []
        out.reserveCapacity(elts.count)
        for x in elts {
            guard let c = constantValue(x) else { return nil }
            out.append(c)
        }
        return out
    }

    /// Builds a list / set / tuple from `elts` (which may contain starred items), with `pushed` items
    /// already on the stack becoming its first elements (CPython's `starunpack_helper`).
    func starunpack(_ elts: [Expr], pushed: Int, kind: SequenceKind) throws {
        let build: Opcode = kind == .set ? .buildSet : .buildList
        let add: Opcode = kind == .set ? .setAdd : .listAppend
        let extend: Opcode = kind == .set ? .setUpdate : .listExtend
        let tuple = kind == .tuple
        let n = elts.count
        if n > 2, let consts = allConstants(elts) {
            if tuple && pushed == 0 {
                loadConst(.tuple(consts))
            } else {
                emit(build, pushed)
                loadConst(.tuple(consts))
                emit(extend, 1)
                if tuple { emit(.listToTuple) }
            }
            return
        }
        let big = n + pushed > stackUseGuideline
        let seenStar = elts.contains(where: isStarred)
        if !seenStar && !big {
            for x in elts { try compileExpr(x) }
            emit(tuple ? .buildTuple : build, n + pushed)
            return
        }
        var built = false
        if big {
            emit(build, pushed)
            built = true
        }
        for (i, x) in elts.enumerated() {
            if case let .starred(value) = x.kind {
                if !built {
                    emit(build, i + pushed)
                    built = true
                }
                try compileExpr(value)
                emit(extend, 1)
            } else {
                try compileExpr(x)
                if built { emit(add, 1) }
            }
        }
        if tuple { emit(.listToTuple) }
    }

    func compileSubdict(_ keys: [Expr?], _ values: [Expr], _ range: Range<Int>) throws {
        let n = range.count
        let big = n * 2 > stackUseGuideline
        if big { emit(.buildMap, 0) }
        for i in range {
            try compileExpr(keys[i]!)
            try compileExpr(values[i])
            if big { emit(.mapAdd, 1) }
        }
        if !big { emit(.buildMap, n) }
    }

    func compileDict(_ keys: [Expr?], _ values: [Expr]) throws {
        let n = values.count
        var haveDict = false
        var elements = 0
        for i in 0..<n {
            if keys[i] == nil {
                if elements > 0 {
                    try compileSubdict(keys, values, (i - elements)..<i)
                    if haveDict { emit(.dictUpdate, 1) }
                    haveDict = true
                    elements = 0
                }
                if !haveDict {
                    emit(.buildMap, 0)
                    haveDict = true
                }
                try compileExpr(values[i])
                emit(.dictUpdate, 1)
            } else if elements * 2 > stackUseGuideline {
                try compileSubdict(keys, values, (i - elements)..<(i + 1))
                if haveDict { emit(.dictUpdate, 1) }
                haveDict = true
                elements = 0
            } else {
                elements += 1
            }
        }
        if elements > 0 {
            try compileSubdict(keys, values, (n - elements)..<n)
            if haveDict { emit(.dictUpdate, 1) }
            haveDict = true
        }
        if !haveDict { emit(.buildMap, 0) }
    }

    func compileJoinedStr(_ values: [Expr]) throws {
        if values.count > stackUseGuideline {
            loadConst(.str(""))
            emitName(.loadMethod, "join")
            emit(.buildList, 0)
            for v in values {
                try compileExpr(v)
                emit(.listAppend, 1)
            }
            emit(.call, 1)
        } else {
            for v in values { try compileExpr(v) }
            if values.count != 1 { emit(.buildString, values.count) }
        }
    }
}
