import BigInt

/// `range` (Int bounds) and `slice`.
extension RuntimeSetup {
    @inline(__always)
    static func selfRange(_ args: Args, _ name: String) throws -> PyRange {
        try TypeSupport.selfAs(args, PyRange.self, "range", name)
    }

    /// The number of items, overflow-safe.
    static func rangeLength(_ r: PyRange) throws -> Int {
        let lo = BigInt(r.start), hi = BigInt(r.stop), st = BigInt(r.step)
        var n: BigInt = 0
        if st > 0 { if lo < hi { n = (hi - lo - 1) / st + 1 } } else { if lo > hi { n = (lo - hi - 1) / (-st) + 1 } }
        guard let c = Int(exactly: n) else { throw PyError.overflow("Python int too large to convert to C ssize_t") }
        return c
    }

    /// The i-th item (0 <= i < length).
    @inline(__always)
    static func rangeItem(_ r: PyRange, _ i: Int) -> Value {
        let (m, o1) = i.multipliedReportingOverflow(by: r.step)
        let (v, o2) = r.start.addingReportingOverflow(m)
        if !o1 && !o2 { return .int(v) }
        return .integer(BigInt(r.start) + BigInt(i) * BigInt(r.step))
    }

    static func rangeContainsInt(_ r: PyRange, _ x: BigInt) -> Bool {
        let start = BigInt(r.start), stop = BigInt(r.stop), step = BigInt(r.step)
        if step > 0 { if !(x >= start && x < stop) { return false } } else { if !(x <= start && x > stop) { return false } }
        return IntMath.floorDivMod(x - start, step).1.isZero
    }

    static func rangeIterator(_ r: PyRange, reversed: Bool = false) throws -> PyNativeIterator {
        let n = try rangeLength(r)
        var remaining = n
        let step = reversed ? -r.step : r.step
        var cur = reversed ? (n == 0 ? r.start : r.start &+ (n - 1) &* r.step) : r.start
        return PyNativeIterator(type: PyType.rangeIterator) { _ in
            guard remaining > 0 else { return nil }
            remaining -= 1
            let v = cur
            cur = cur &+ step
            return .int(v)
        }
    }

    private static func rangeArg(_ vm: VM, _ v: Value) throws -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt { throw PyError.overflow("Python int too large to convert to C ssize_t") }
            if o.type.lookup(Names.index) != nil { return try vm.index(v) }
        default: break
        }
        throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
    }

    static func installRangeSliceTypes() {
        let t = PyType.range
        t.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("range() takes no keyword arguments") }
            switch args.count {
            case 1: return .object(PyRange(start: 0, stop: try rangeArg(vm, args[0]), step: 1))
            case 2, 3:
                let start = try rangeArg(vm, args[0]), stop = try rangeArg(vm, args[1])
                let step = args.count == 3 ? try rangeArg(vm, args[2]) : 1
                if step == 0 { throw PyError.value("range() arg 3 must not be zero") }
                return .object(PyRange(start: start, stop: stop, step: step))
            case 0: throw PyError.type("range expected at least 1 argument, got 0")
            default: throw PyError.type("range expected at most 3 arguments, got \(args.count)")
            }
        }
        t.method("__len__") { _, args in .int(try rangeLength(try selfRange(args, "__len__"))) }
        t.method("__bool__") { _, args in .bool(try rangeLength(try selfRange(args, "__bool__")) > 0) }
        t.method("__iter__") { _, args in .object(try rangeIterator(try selfRange(args, "__iter__"))) }
        t.method("__reversed__") { _, args in .object(try rangeIterator(try selfRange(args, "__reversed__"), reversed: true)) }
        t.method("__repr__") { _, args in
            let r = try selfRange(args, "__repr__")
            return .str(r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))")
        }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let r = try selfRange(args, "__getitem__")
            let n = try rangeLength(r)
            if let sl = TypeSupport.slice(args[1]) {
                let (start, stop, step, _) = try TypeSupport.sliceIndices(vm, sl, n)
                func at(_ i: Int) throws -> Int {
                    guard let v = Int(exactly: BigInt(r.start) + BigInt(i) * BigInt(r.step)) else {
                        throw PyError.overflow("Python int too large to convert to C ssize_t")
                    }
                    return v
                }
                let (ns, o) = r.step.multipliedReportingOverflow(by: step)
                if o { throw PyError.overflow("Python int too large to convert to C ssize_t") }
                return .object(PyRange(start: try at(start), stop: try at(stop), step: ns))
            }
            if case .object(let o) = args[1], !(o is PyBigInt), o.type.lookup(Names.index) == nil {
                throw PyError.type("range indices must be integers or slices, not \(args[1].typeName)")
            }
            if case .float = args[1] { throw PyError.type("range indices must be integers or slices, not float") }
            if args[1].isNone { throw PyError.type("range indices must be integers or slices, not NoneType") }
            let i = try TypeSupport.seqIndex(vm, args[1], "range")
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw PyError.index("range object index out of range") }
            return rangeItem(r, j)
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            let r = try selfRange(args, "__contains__")
            if let x = IntMath.big(args[1]) { return .bool(rangeContainsInt(r, x)) }
            let n = try rangeLength(r)
            for i in 0..<n { if try vm.equals(rangeItem(r, i), args[1]) { return .bool(true) } }
            return .bool(false)
        }
        for (name, negate) in [("__eq__", false), ("__ne__", true)] {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfRange(args, name)
                guard case .object(let o) = args[1], let b = o as? PyRange else { return notImplementedValue }
                let la = try rangeLength(a), lb = try rangeLength(b)
                var eq: Bool
                if la != lb { eq = false }
                else if la == 0 { eq = true }
                else if a.start != b.start { eq = false }
                else if la == 1 { eq = true }
                else { eq = a.step == b.step }
                return .bool(eq != negate)
            }
        }
        t.method("__hash__") { vm, args in
            let r = try selfRange(args, "__hash__")
            let n = try rangeLength(r)
            let tup: [Value] = n == 0 ? [.int(0), .none, .none] : [.int(n), .int(r.start), n == 1 ? .none : .int(r.step)]
            return .int(try vm.hash(.object(PyTuple(tup))))
        }
        t.method("count") { vm, args in
            try TypeSupport.check(args, "count", 1, 1)
            let r = try selfRange(args, "count")
            if let x = IntMath.big(args[1]) { return .int(rangeContainsInt(r, x) ? 1 : 0) }
            var c = 0
            for i in 0..<(try rangeLength(r)) { if try vm.equals(rangeItem(r, i), args[1]) { c += 1 } }
            return .int(c)
        }
        t.method("index") { vm, args in
            try TypeSupport.check(args, "index", 1, 1)
            let r = try selfRange(args, "index")
            if let x = IntMath.big(args[1]) {
                if rangeContainsInt(r, x) { return .integer((x - BigInt(r.start)) / BigInt(r.step)) }
            } else {
                for i in 0..<(try rangeLength(r)) { if try vm.equals(rangeItem(r, i), args[1]) { return .int(i) } }
            }
            throw PyError.value("\(try vm.repr(args[1])) is not in range")
        }
        t.getter("start") { _, v in .int((v.asObject as! PyRange).start) }
        t.getter("stop") { _, v in .int((v.asObject as! PyRange).stop) }
        t.getter("step") { _, v in .int((v.asObject as! PyRange).step) }

        installSliceType()
    }

    private static func installSliceType() {
        let s = PyType.slice
        func selfSlice(_ args: Args, _ name: String) throws -> PySlice {
            try TypeSupport.selfAs(args, PySlice.self, "slice", name)
        }
        s.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("slice() takes no keyword arguments") }
            switch args.count {
            case 1: return .object(PySlice(start: .none, stop: args[0], step: .none))
            case 2: return .object(PySlice(start: args[0], stop: args[1], step: .none))
            case 3: return .object(PySlice(start: args[0], stop: args[1], step: args[2]))
            case 0: throw PyError.type("slice expected at least 1 argument, got 0")
            default: throw PyError.type("slice expected at most 3 arguments, got \(args.count)")
            }
        }
        s.method("__repr__") { vm, args in
            let sl = try selfSlice(args, "__repr__")
            return .str("slice(\(try vm.repr(sl.start)), \(try vm.repr(sl.stop)), \(try vm.repr(sl.step)))")
        }
        let cmps: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                         ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in cmps {
            s.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfSlice(args, name)
                guard case .object(let o) = args[1], let b = o as? PySlice else { return notImplementedValue }
                return try TypeSupport.compareSequences(vm, [a.start, a.stop, a.step], [b.start, b.stop, b.step], op)
            }
        }
        s.dict.setStr("__hash__", .none)
        s.method("indices") { vm, args in
            try TypeSupport.check(args, "indices", 1, 1)
            let sl = try selfSlice(args, "indices")
            let n = try TypeSupport.intArg(vm, args[1])
            if n < 0 { throw PyError.value("length should not be negative") }
            let (start, stop, step, _) = try TypeSupport.sliceIndices(vm, sl, n)
            return .object(PyTuple([.int(start), .int(stop), .int(step)]))
        }
        s.getter("start") { _, v in (v.asObject as! PySlice).start }
        s.getter("stop") { _, v in (v.asObject as! PySlice).stop }
        s.getter("step") { _, v in (v.asObject as! PySlice).step }
    }
}
