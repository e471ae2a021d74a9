import BigInt
import Syntax

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
