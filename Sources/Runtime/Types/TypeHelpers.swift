import BigInt
import Foundation

/// Shared helpers of the builtin type implementations (argument checking, self extraction, index and
/// slice arithmetic).
let notImplementedValue = Value.object(PyNotImplemented.shared)

enum TypeSupport {
    /// `args[0]` as the Swift class behind a builtin type, with CPython's descriptor error otherwise.
    @inline(__always)
    static func selfAs<T: PyObject>(_ args: Args, _ cls: T.Type, _ typeName: String, _ method: String) throws -> T {
        // The receiver read in place, exact class first (a metadata compare; `as?` is a dynamic cast).
        if let u = args.peekObject(0) {
            if let s: T = u._withUnsafeGuaranteedRef({ $0.isExactly(T.self) ? unsafeDowncast($0, to: T.self) : $0 as? T }) { return s }
        }
        if args.isEmpty {
            throw PyError.type("descriptor '\(method)' of '\(typeName)' object needs an argument")
        }
        throw PyError.type("descriptor '\(method)' for '\(typeName)' objects doesn't apply to a '\(args[0].typeName)' object")
    }

    /// Checks the argument count of a method (self excluded) with CPython-like messages.
    static func check(_ args: Args, _ name: String, _ min: Int, _ max: Int, keywords: [String] = []) throws {
        let given = args.count - 1
        for k in args.kwnames where !keywords.contains(k) {
            if keywords.isEmpty { throw PyError.type("\(name)() takes no keyword arguments") }
            throw PyError.type("'\(k)' is an invalid keyword argument for \(name)()")
        }
        if given >= min && given <= max { return }
        // Called unbound with nothing at all (`list.append()`): no receiver to count arguments after.
        if given < 0 { throw PyError.type("unbound method \(name)() needs an argument") }
        if min == max {
            if min == 0 { throw PyError.type("\(name)() takes no arguments (\(given) given)") }
            if min == 1 { throw PyError.type("\(name)() takes exactly one argument (\(given) given)") }
            throw PyError.type("\(name) expected \(min) arguments, got \(given)")
        }
        if given < min {
            throw PyError.type("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(given)")
        }
        throw PyError.type("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(given)")
    }

    /// For dunder methods taking exactly `n` arguments besides self.
    @inline(__always)
    static func need(_ args: Args, _ n: Int, _ name: String) throws {
        if args.count != n + 1 {
            throw PyError.type("expected \(n) argument\(n == 1 ? "" : "s"), got \(args.count - 1)")
        }
    }

    /// Positional argument `i` (1-based after self) or keyword `name`, nil when absent.
    @inline(__always)
    static func arg(_ args: Args, _ i: Int, _ name: String) -> Value? {
        if i < args.count { return args[i] }
        return args.keyword(name)
    }

    static func string(_ v: Value) -> String? {
        if case .object(let o) = v, let s = o as? PyStr { return s.value }
        return nil
    }

    static func pyStr(_ v: Value) -> PyStr? {
        if case .object(let o) = v, let s = o as? PyStr { return s }
        return nil
    }

    /// An int-like value (int, bool, big int) as Int; nil for other types, OverflowError when too big.
    static func smallInt(_ v: Value) -> Int? {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    static func isIntLike(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    /// An index for sequence subscription: int, bool or `__index__`. Big ints raise IndexError
    /// ("cannot fit 'int' into an index-sized integer"); other types the sequence's TypeError.
    static func seqIndex(_ vm: VM, _ key: Value, _ typeName: String) throws -> Int {
        switch key {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt { throw PyError.index("cannot fit 'int' into an index-sized integer") }
            if o.type.lookup(Names.index) != nil {
                let r = try vm.callSpecial(key, Names.index)!
                if case .object(let ro) = r, ro is PyBigInt {
                    throw PyError.index("cannot fit 'int' into an index-sized integer")
                }
                return try vm.index(r)
            }
        default: break
        }
        throw PyError.type("\(typeName) indices must be integers or slices, not \(key.typeName)")
    }

    /// An integer argument (`__index__` accepted) with CPython's TypeError.
    static func intArg(_ vm: VM, _ v: Value) throws -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .float: throw PyError.type("'float' object cannot be interpreted as an integer")
        default: return try vm.index(v)
        }
    }

    /// Clamps an optional slice-like bound (start/end arguments of str.find & co.): None means default.
    static func boundArg(_ vm: VM, _ v: Value?, _ def: Int) throws -> Int {
        guard let v = v, !v.isNone else { return def }
        if case .object(let o) = v, let b = o as? PyBigInt { return b.value.sign == .minus ? Int.min / 2 : Int.max / 2 }
        guard isIntLike(v) || v.type.lookup(Names.index) != nil else {
            throw PyError.type("slice indices must be integers or None or have an __index__ method")
        }
        return try vm.index(v)
    }

    /// Normalizes start/end like CPython's ADJUST_INDICES.
    static func adjust(_ start: Int, _ end: Int, _ len: Int) -> (Int, Int) {
        var s = start, e = end
        if e > len { e = len } else if e < 0 { e += len; if e < 0 { e = 0 } }
        if s < 0 { s += len; if s < 0 { s = 0 } }
        return (s, e)
    }

    // MARK: slices

    /// One slice component converted like `_PyEval_SliceIndex` (big ints clamp).
    static func sliceComponent(_ vm: VM, _ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return b.value.sign == .minus ? Int.min + 1 : Int.max }
            if o.type.lookup(Names.index) != nil {
                let r = try vm.callSpecial(v, Names.index)!
                if case .object(let ro) = r, let b = ro as? PyBigInt { return b.value.sign == .minus ? Int.min + 1 : Int.max }
                return try vm.index(r)
            }
        default: break
        }
        throw PyError.type("slice indices must be integers or None or have an __index__ method")
    }

    /// `slice.indices(length)`: start, stop, step and the number of selected items.
    static func sliceIndices(_ vm: VM, _ s: PySlice, _ length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        let stepOpt = try sliceComponent(vm, s.step)
        let step = stepOpt ?? 1
        if step == 0 { throw PyError.value("slice step cannot be zero") }
        let step2 = step == Int.min ? -Int.max : step
        let startOpt = try sliceComponent(vm, s.start)
        let stopOpt = try sliceComponent(vm, s.stop)
        var start: Int, stop: Int
        if step2 > 0 {
            start = startOpt.map { $0 < 0 ? Swift.max($0 &+ length, 0) : Swift.min($0, length) } ?? 0
            stop = stopOpt.map { $0 < 0 ? Swift.max($0 &+ length, 0) : Swift.min($0, length) } ?? length
        } else {
            start = startOpt.map { $0 < 0 ? Swift.max($0 &+ length, -1) : Swift.min($0, length - 1) } ?? length - 1
            stop = stopOpt.map { $0 < 0 ? Swift.max($0 &+ length, -1) : Swift.min($0, length - 1) } ?? -1
        }
        var count = 0
        if step2 > 0 {
            if start < stop { count = (stop - start - 1) / step2 + 1 }
        } else {
            if stop < start { count = (start - stop - 1) / (-step2) + 1 }
        }
        return (start, stop, step2, count)
    }

    /// Selects the items of a slice from an array.
    static func sliceArray<T>(_ items: [T], _ start: Int, _ step: Int, _ count: Int) -> [T] {
        if count <= 0 { return [] }
        if step == 1 { return Array(items[start..<(start + count)]) }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count { out.append(items[i]); i += step }
        return out
    }

    /// The slice object of a subscript, if it is one.
    @inline(__always)
    static func slice(_ v: Value) -> PySlice? {
        if case .object(let o) = v { return o as? PySlice }
        return nil
    }

    /// Identity-or-equality, as CPython's container comparisons use (`PyObject_RichCompare` after `is`).
    @inline(__always)
    static func sameOrEqual(_ vm: VM, _ a: Value, _ b: Value) throws -> Bool {
        if a.isIdentical(b) { return true }
        return try vm.equals(a, b)
    }

    /// Lexicographic rich comparison of two item arrays (lists, tuples).
    static func compareSequences(_ vm: VM, _ a: [Value], _ b: [Value], _ op: ComparisonOperatorKind) throws -> Value {
        if a.count != b.count && (op == .eq || op == .ne) { return .bool(op == .ne) }
        var i = 0
        while i < a.count && i < b.count {
            if try !sameOrEqual(vm, a[i], b[i]) { break }
            i += 1
        }
        if i >= a.count || i >= b.count {
            let (x, y) = (a.count, b.count)
            switch op {
            case .lt: return .bool(x < y)
            case .le: return .bool(x <= y)
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            case .gt: return .bool(x > y)
            case .ge: return .bool(x >= y)
            }
        }
        if op == .eq { return .bool(false) }
        if op == .ne { return .bool(true) }
        return try vm.compare(a[i], b[i], op)
    }

    /// A repeat count for `seq * n` (`__index__` accepted; NotImplemented signalled by nil).
    static func repeatCount(_ vm: VM, _ v: Value) throws -> Int? {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt {
                if b.value.sign == .minus { return 0 }
                throw PyError.overflow("cannot fit 'int' into an index-sized integer")
            }
            if o.type.lookup(Names.index) != nil { return try vm.index(v) }
            return nil
        default: return nil
        }
    }

    static func checkRepeatSize(_ itemCount: Int, _ n: Int) throws {
        if n > 0 && itemCount > 0 {
            let (total, o) = itemCount.multipliedReportingOverflow(by: n)
            if o || total > (1 << 40) { throw PyError(PyBaseException(type: .memoryError)) }
        }
    }
}

/// Per-thread state of the builtin types: the containers whose repr is in progress (`[...]` for
/// self-containing containers) and a one-entry cache of the code points of the last non-ASCII string
/// indexed (so `s[i]` in a loop is not quadratic).
final class ReprGuard: @unchecked Sendable {
    private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in if let p = p { Unmanaged<ReprGuard>.fromOpaque(p).release() } }
        return k
    }()
    private var active = Set<ObjectIdentifier>()
    private var cachedStr: PyStr?
    private var cachedScalars: [Unicode.Scalar] = []

    static var current: ReprGuard {
        if let p = pthread_getspecific(key) { return Unmanaged<ReprGuard>.fromOpaque(p).takeUnretainedValue() }
        let g = ReprGuard()
        pthread_setspecific(key, Unmanaged.passRetained(g).toOpaque())
        return g
    }

    /// Runs `body` unless `obj` is already being repr'd on this thread, in which case returns `recursive`.
    static func with(_ obj: AnyObject, recursive: String, _ body: () throws -> String) rethrows -> String {
        let g = current
        let id = ObjectIdentifier(obj)
        if g.active.contains(id) { return recursive }
        g.active.insert(id)
        defer { g.active.remove(id) }
        return try body()
    }

    /// The code point at `i` of a non-ASCII string (0 <= i < s.count).
    static func scalar(_ s: PyStr, _ i: Int) -> Unicode.Scalar {
        let g = current
        if g.cachedStr !== s {
            if s.count < 64 {
                let u = s.value.unicodeScalars
                return u[u.index(u.startIndex, offsetBy: i)]
            }
            g.cachedStr = s
            g.cachedScalars = Array(s.value.unicodeScalars)
        }
        return g.cachedScalars[i]
    }
}

extension TypeSupport {
    /// `seq.index(x[, start[, stop]])` for lists and tuples (args[0] is the sequence): the first
    /// position of x within the clamped bounds, or nil.
    static func indexOf(_ vm: VM, _ items: [Value], _ args: Args) throws -> Int? {
        var start = args.count > 2 ? try boundArg(vm, args[2], 0) : 0
        var stop = args.count > 3 ? try boundArg(vm, args[3], Int.max) : Int.max
        if start < 0 { start = Swift.max(start + items.count, 0) }
        if stop < 0 { stop = Swift.max(stop + items.count, 0) }
        stop = Swift.min(stop, items.count)
        var i = start
        while i < stop {
            if try sameOrEqual(vm, items[i], args[1]) { return i }
            i += 1
        }
        return nil
    }
}
