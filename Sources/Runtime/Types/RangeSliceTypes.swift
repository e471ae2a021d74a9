import BigInt

/// A range whose bounds do not fit in `Int` (`range(2**64, 2**64 + 3)`). Ranges that fit are `PyRange`.
public final class PyBigRange: PyObject, @unchecked Sendable {
    public let start: BigInt, stop: BigInt, step: BigInt
    public init(start: BigInt, stop: BigInt, step: BigInt) {
        self.start = start; self.stop = stop; self.step = step
        super.init(type: PyType.range)
    }
}

/// `range` and `slice`.
extension RuntimeSetup {
    struct RangeBounds {
        let start: BigInt, stop: BigInt, step: BigInt
        var length: BigInt {
            if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
            return start > stop ? (start - stop - 1) / (-step) + 1 : 0
        }
        func item(_ i: BigInt) -> BigInt { start + i * step }
        func contains(_ x: BigInt) -> Bool {
            if step > 0 { if !(x >= start && x < stop) { return false } } else { if !(x <= start && x > stop) { return false } }
            return IntMath.floorDivMod(x - start, step).1.isZero
        }
    }

    static func rangeBounds(_ args: Args, _ name: String) throws -> RangeBounds {
        if case .object(let o)? = args.first {
            if let r = o as? PyRange { return RangeBounds(start: BigInt(r.start), stop: BigInt(r.stop), step: BigInt(r.step)) }
            if let r = o as? PyBigRange { return RangeBounds(start: r.start, stop: r.stop, step: r.step) }
        }
        let got = args.first?.typeName ?? "nothing"
        throw PyError.type("descriptor '\(name)' for 'range' objects doesn't apply to a '\(got)' object")
    }

    static func makeRange(_ start: BigInt, _ stop: BigInt, _ step: BigInt) -> Value {
        if let a = Int(exactly: start), let b = Int(exactly: stop), let c = Int(exactly: step) {
            return .object(PyRange(start: a, stop: b, step: c))
        }
        return .object(PyBigRange(start: start, stop: stop, step: step))
    }

    static func ssize(_ b: BigInt) throws -> Int {
        guard let n = Int(exactly: b) else { throw PyError.overflow("Python int too large to convert to C ssize_t") }
        return n
    }

    static func rangeIterator(_ b: RangeBounds, reversed: Bool = false) -> PyObject {
        let n = b.length
        if let first = Int(exactly: reversed ? b.item(n - 1) : b.start), let count = Int(exactly: n),
           let step = Int(exactly: reversed ? -b.step : b.step), Int(exactly: reversed ? b.start : b.item(n - 1)) != nil {
            return PyIntRangeIterator(first: first, step: step, count: count)
        }
        var i = BigInt(0)
        return PyNativeIterator(type: PyType.rangeIterator) { _ in
            guard i < n else { return nil }
            let v = reversed ? b.item(n - 1 - i) : b.item(i)
            i += 1
            return .integer(v)
        }
    }

    private static func rangeArg(_ vm: VM, _ v: Value) throws -> BigInt {
        if let b = IntMath.big(v) { return b }
        if case .object(let o) = v, o.type.lookup(Names.index) != nil,
           let r = try vm.callSpecial(v, Names.index), let b = IntMath.big(r) {
            return b
        }
        throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
    }

    static func installRangeSliceTypes() {
        let t = PyType.range
        t.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("range() takes no keyword arguments") }
            switch args.count {
            case 1: return makeRange(0, try rangeArg(vm, args[0]), 1)
            case 2, 3:
                let start = try rangeArg(vm, args[0]), stop = try rangeArg(vm, args[1])
                let step = args.count == 3 ? try rangeArg(vm, args[2]) : 1
                if step == 0 { throw PyError.value("range() arg 3 must not be zero") }
                return makeRange(start, stop, step)
            case 0: throw PyError.type("range expected at least 1 argument, got 0")
            default: throw PyError.type("range expected at most 3 arguments, got \(args.count)")
            }
        }
        t.method("__len__") { _, args in
            if case .object(let o)? = args.first, let r = o as? PyRange, r.stop.magnitude < (1 << 62), r.start.magnitude < (1 << 62) {
                return .int(r.count)
            }
            return .int(try ssize(try rangeBounds(args, "__len__").length))
        }
        t.method("__bool__") { _, args in .bool(try rangeBounds(args, "__bool__").length > 0) }
        t.method("__iter__") { _, args in .object(rangeIterator(try rangeBounds(args, "__iter__"))) }
        t.method("__reversed__") { _, args in .object(rangeIterator(try rangeBounds(args, "__reversed__"), reversed: true)) }
        t.method("__repr__") { _, args in
            let b = try rangeBounds(args, "__repr__")
            return .str(b.step == 1 ? "range(\(b.start), \(b.stop))" : "range(\(b.start), \(b.stop), \(b.step))")
        }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let b = try rangeBounds(args, "__getitem__")
            let n = b.length
            if let sl = TypeSupport.slice(args[1]) {
                let (start, stop, step, _) = try TypeSupport.sliceIndices(vm, sl, try ssize(n))
                return makeRange(b.item(BigInt(start)), b.item(BigInt(stop)), b.step * BigInt(step))
            }
            if case .object(let o) = args[1], !(o is PyBigInt), o.type.lookup(Names.index) == nil {
                throw PyError.type("range indices must be integers or slices, not \(args[1].typeName)")
            }
            if case .float = args[1] { throw PyError.type("range indices must be integers or slices, not float") }
            if args[1].isNone { throw PyError.type("range indices must be integers or slices, not NoneType") }
            let i = try rangeArg(vm, args[1])
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw PyError.index("range object index out of range") }
            return .integer(b.item(j))
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            let b = try rangeBounds(args, "__contains__")
            if let x = IntMath.big(args[1]) { return .bool(b.contains(x)) }
            var i = BigInt(0)
            let n = b.length
            while i < n {
                if try vm.equals(.integer(b.item(i)), args[1]) { return .bool(true) }
                i += 1
            }
            return .bool(false)
        }
        for (name, negate) in [("__eq__", false), ("__ne__", true)] {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                let a = try rangeBounds(args, name)
                guard case .object(let o) = args[1], o is PyRange || o is PyBigRange else { return notImplementedValue }
                let b = try rangeBounds(Args([args[1]]), name)
                let la = a.length, lb = b.length
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
            let b = try rangeBounds(args, "__hash__")
            let n = b.length
            let tup: [Value] = n == 0 ? [.int(0), .none, .none]
                : [.integer(n), .integer(b.start), n == 1 ? .none : .integer(b.step)]
            return .int(try vm.hash(.object(PyTuple(tup))))
        }
        t.method("count") { vm, args in
            try TypeSupport.check(args, "count", 1, 1)
            let b = try rangeBounds(args, "count")
            if let x = IntMath.big(args[1]) { return .int(b.contains(x) ? 1 : 0) }
            var c = 0
            var i = BigInt(0)
            while i < b.length {
                if try vm.equals(.integer(b.item(i)), args[1]) { c += 1 }
                i += 1
            }
            return .int(c)
        }
        t.method("index") { vm, args in
            try TypeSupport.check(args, "index", 1, 1)
            let b = try rangeBounds(args, "index")
            if let x = IntMath.big(args[1]) {
                if b.contains(x) { return .integer((x - b.start) / b.step) }
            } else {
                var i = BigInt(0)
                while i < b.length {
                    if try vm.equals(.integer(b.item(i)), args[1]) { return .integer(i) }
                    i += 1
                }
            }
            throw PyError.value("\(try vm.repr(args[1])) is not in range")
        }
        t.getter("start") { _, v in .integer(try rangeBounds(Args([v]), "start").start) }
        t.getter("stop") { _, v in .integer(try rangeBounds(Args([v]), "stop").stop) }
        t.getter("step") { _, v in .integer(try rangeBounds(Args([v]), "step").step) }

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
