import BigInt
import Foundation

/// Python's hashing and the equality used by dicts and sets, split into a part that never runs Python
/// code (safe under an object's lock) and the general part on `VM` that may call `__hash__`/`__eq__`.
public enum Hashing {
    /// 2**61 - 1, the modulus of CPython's numeric hash: `hash(n) == hash(float(n))` for all n.
    public static let modulus: Int = (1 << 61) - 1

    public enum Result { case hash(Int), unhashable(PyType), needsPython }

    @inline(__always) static func fixMinusOne(_ h: Int) -> Int { h == -1 ? -2 : h }

    public static func hashInt(_ n: Int) -> Int {
        if n >= 0 && n < modulus { return n }
        if n < 0 && n > -modulus { return fixMinusOne(n) }
        let r = n.magnitude % UInt(modulus)
        return fixMinusOne(n < 0 ? -Int(r) : Int(r))
    }

    public static func hashBig(_ b: BigInt) -> Int {
        let r = Int(b.magnitude % BigUInt(modulus))
        return fixMinusOne(b.sign == .minus ? -r : r)
    }

    static func hashLimbs(_ b: PyBigInt) -> Int {
        let r = Int(b.limbs.withUnsafeBufferPointer { Limbs.hashMod($0) })
        return fixMinusOne(b.negative ? -r : r)
    }

    /// CPython's `_Py_HashDouble`.
    public static func hashDouble(_ v: Double, identity: Int = 0) -> Int {
        if !v.isFinite {
            if v.isInfinite { return v > 0 ? 314159 : -314159 }
            return identity
        }
        // Swift's frexp loses the sign of the mantissa; split by hand (v == m * 2**e, 0.5 <= |m| < 1).
        var e = v == 0 ? 0 : Int(v.exponent) + 1
        var m = v == 0 ? 0 : scalbn(v, -e)
        var sign = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt = 0
        let P = UInt(modulus)
        while m != 0 {
            x = ((x << 28) & P) | (x >> (61 - 28))
            m *= 268435456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= P { x -= P }
        }
        let ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt(ee)) & P) | (x >> UInt(61 - ee))
        return fixMinusOne(Int(bitPattern: x) * sign)
    }

    /// CPython's str hash under PYTHONHASHSEED=0, so sets of strings iterate in CPython's order.
    public static func hashString(_ s: String) -> Int { CPythonHash.str(s) }

    /// CPython's xxHash-based tuple hash, over already computed item hashes.
    public static func hashTuple(_ itemHashes: [Int]) -> Int {
        var t = TupleHasher()
        for h in itemHashes { t.add(h) }
        return t.finish(itemHashes.count)
    }

    /// CPython's tuple hash, one item hash at a time (no array of hashes).
    struct TupleHasher {
        static let p1: UInt64 = 11400714785074694791, p2: UInt64 = 14029467366897019727, p5: UInt64 = 2870177450012600261
        var acc = TupleHasher.p5
        @inline(__always) mutating func add(_ h: Int) {
            acc = acc &+ UInt64(bitPattern: Int64(h)) &* TupleHasher.p2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* TupleHasher.p1
        }
        @inline(__always) func finish(_ count: Int) -> Int {
            let a = acc &+ (UInt64(count) ^ (TupleHasher.p5 ^ 3527539))
            if a == UInt64.max { return 1546275796 }
            return Hashing.fixMinusOne(Int(Int64(bitPattern: a)))
        }
    }

    /// CPython's frozenset hash over item hashes (order-independent).
    public static func hashFrozenSet(_ itemHashes: [Int]) -> Int {
        func shuffle(_ h: UInt64) -> UInt64 { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
        var hash: UInt64 = 0
        for h in itemHashes { hash ^= shuffle(UInt64(bitPattern: Int64(h))) }
        hash ^= (UInt64(itemHashes.count) &+ 1) &* 1927868237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907133923
        if hash == UInt64.max { hash = 590923713 }
        return Int(Int64(bitPattern: hash))
    }

    static func identityHash(_ o: AnyObject) -> Int {
        let bits = UInt(bitPattern: ObjectIdentifier(o).hashValue)
        return Int(bitPattern: (bits >> 4) | (bits << 60))
    }

    /// The hash without running Python code.
    public static func fast(_ v: Value, depth: Int = 0) -> Result {
        switch v {
        case .int(let n): return .hash(hashInt(n))
        case .bool(let b): return .hash(b ? 1 : 0)
        case .float(let d): return .hash(hashDouble(d))
        case .none: return .hash(0x5f3759df)
        case .null: return .hash(0)
        case .object(let o):
            switch o {
            case let s as PyStr: return .hash(s.hashValue)
            case let b as PyBigInt: return .hash(hashLimbs(b))
            case let t as PyTuple:
                // Deeply nested tuples go the VM's way, which guards the native stack.
                if depth > 64 { return .needsPython }
                var hasher = TupleHasher()
                let items = t.items
                for item in items {
                    switch fast(item, depth: depth + 1) {
                    case .hash(let h): hasher.add(h)
                    case let other: return other
                    }
                }
                return .hash(hasher.finish(items.count))
            case let b as PyBytes: return .hash(b.hashValue)
            case let f as PyFrozenSet: return .hash(f.cachedHash)
            // Slices became hashable in 3.12; in 3.11 they are not.
            case is PyList, is PyDict, is PySet, is PySlice: return .unhashable(o.type)
            default:
                let t = o.type
                if t.isBuiltin { return .hash(identityHash(o)) }
                guard let h = t.lookup("__hash__") else { return .hash(identityHash(o)) }
                if case .none = h { return .unhashable(t) }
                if let f = h.asObject as? PyBuiltinFunction, f.isObjectDefault { return .hash(identityHash(o)) }
                return .needsPython
            }
        }
    }

    /// Equality without running Python code: nil when only `__eq__` can decide.
    public static func fastEquals(_ a: Value, _ b: Value, depth: Int = 0) -> Bool? {
        // The common dict keys first, matched one side at a time (a switch over the pair copies both
        // values) and by exact class (`as` casts are dynamic): ints and strs.
        if case .int(let x) = a, case .int(let y) = b { return x == y }
        if case .object(let x) = a, case .object(let y) = b {
            if x === y { return true }
            if x.isExactly(PyStr.self) && y.isExactly(PyStr.self) {
                return PyStr.equal(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
            }
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)): return Double(x) == y && Double(exactly: x) != nil
        case (.float(let x), .int(let y)): return x == Double(y) && Double(exactly: y) != nil
        case (.bool(let x), _): return fastEquals(.int(x ? 1 : 0), b)
        case (_, .bool(let y)): return fastEquals(a, .int(y ? 1 : 0))
        case (.none, .none): return true
        case (.none, .int), (.none, .float), (.int, .none), (.float, .none): return false
        case (.object(let x), .object(let y)):
            if x === y { return true }
            switch (x, y) {
            case (let s as PyStr, let t as PyStr): return PyStr.equal(s, t)
            case (let s as PyBigInt, let t as PyBigInt): return s.value == t.value
            case (is PyStr, is PyBigInt), (is PyBigInt, is PyStr): return false
            case (let s as PyTuple, let t as PyTuple):
                if s.items.count != t.items.count { return false }
                if depth > 64 { return nil }
                for (p, q) in zip(s.items, t.items) {
                    guard let r = fastEquals(p, q, depth: depth + 1) else { return nil }
                    if !r { return false }
                }
                return true
            case (let s as PyBytes, let t as PyBytes): return s.bytes == t.bytes
            default:
                if !x.type.isBuiltin || !y.type.isBuiltin { return nil }
                if x.type.isBuiltin && y.type.isBuiltin && (x is PyList || x is PyDict || x is PySet || x is PyFrozenSet) { return nil }
                return x.type.isBuiltin && y.type.isBuiltin ? false : nil
            }
        case (.object(let x), _):
            if x is PyStr || x is PyTuple || x is PyBytes { return false }
            if let bx = x as? PyBigInt {
                if case .float(let d) = b { return Double(exactly: d).flatMap { BigInt(exactly: $0) } == bx.value }
                return false
            }
            return x.type.isBuiltin ? false : nil
        case (_, .object):
            return fastEquals(b, a)
        default: return false
        }
    }
}
