import BigInt
import Foundation

/// `float`.
extension RuntimeSetup {
    @inline(__always)
    private static func selfFloat(_ args: Args, _ name: String) throws -> Double {
        if case .float(let d)? = args.first { return d }
        throw PyError.type("descriptor '\(name)' requires a 'float' object but received a '\(args.first?.typeName ?? "nothing")'")
    }

    /// The other operand of a float operation as a Double, nil when not a number.
    @inline(__always)
    private static func otherFloat(_ v: Value) throws -> Double? {
        switch v {
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o as PyBigInt): return try IntMath.toDouble(o.value)
        default: return nil
        }
    }

    private static func floatBinary(_ t: PyType, _ name: String, _ f: @escaping (Double, Double) throws -> Value) {
        t.method("__\(name)__") { _, args in
            try TypeSupport.need(args, 1, "__\(name)__")
            let a = try selfFloat(args, "__\(name)__")
            guard let b = try otherFloat(args[1]) else { return notImplementedValue }
            return try f(a, b)
        }
        t.method("__r\(name)__") { _, args in
            try TypeSupport.need(args, 1, "__r\(name)__")
            let a = try selfFloat(args, "__r\(name)__")
            guard let b = try otherFloat(args[1]) else { return notImplementedValue }
            return try f(b, a)
        }
    }

    /// Compares a float with a number exactly (ints are not rounded to float first).
    static func compareFloatWith(_ d: Double, _ other: Value) -> Int?? {
        switch other {
        case .float(let e):
            if d.isNaN || e.isNaN { return .some(nil) }
            return .some(d < e ? -1 : (d == e ? 0 : 1))
        case .int(let n): return .some(IntMath.compareSmall(n, d).map { -$0 })
        case .bool(let b): return .some(IntMath.compareSmall(b ? 1 : 0, d).map { -$0 })
        case .object(let o as PyBigInt): return .some(IntMath.compare(o.value, d).map { -$0 })
        default: return nil
        }
    }

    static func installFloatType() {
        let t = PyType.float
        floatBinary(t, "add") { .float($0 + $1) }
        floatBinary(t, "sub") { .float($0 - $1) }
        floatBinary(t, "mul") { .float($0 * $1) }
        floatBinary(t, "truediv") { a, b in
            if b == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(a / b)
        }
        floatBinary(t, "floordiv") { .float(try FloatMath.floorDiv($0, $1)) }
        floatBinary(t, "mod") { .float(try FloatMath.mod($0, $1)) }
        floatBinary(t, "divmod") { a, b in
            if b == 0 { throw PyError.zeroDivision("float divmod()") }
            let (q, r) = FloatMath.divmod(a, b)
            return .object(PyTuple([.float(q), .float(r)]))
        }
        t.method("__pow__") { _, args in
            try TypeSupport.check(args, "__pow__", 1, 2)
            let a = try selfFloat(args, "__pow__")
            if args.count == 3 && !args[2].isNone {
                throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
            }
            guard let b = try otherFloat(args[1]) else { return notImplementedValue }
            return try FloatMath.pow(a, b)
        }
        t.method("__rpow__") { _, args in
            try TypeSupport.check(args, "__rpow__", 1, 2)
            let a = try selfFloat(args, "__rpow__")
            if args.count == 3 && !args[2].isNone {
                throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
            }
            guard let b = try otherFloat(args[1]) else { return notImplementedValue }
            return try FloatMath.pow(b, a)
        }
        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                let d = try selfFloat(args, name)
                guard let c = compareFloatWith(d, args[1]) else { return notImplementedValue }
                return comparisonResult(c, op)
            }
        }
        t.method("__neg__") { _, args in .float(-(try selfFloat(args, "__neg__"))) }
        t.method("__pos__") { _, args in .float(try selfFloat(args, "__pos__")) }
        t.method("__abs__") { _, args in .float(Swift.abs(try selfFloat(args, "__abs__"))) }
        t.method("__bool__") { _, args in .bool(try selfFloat(args, "__bool__") != 0) }
        t.method("__float__") { _, args in .float(try selfFloat(args, "__float__")) }
        t.method("__int__") { _, args in try IntMath.fromDouble(try selfFloat(args, "__int__")) }
        t.method("__trunc__") { _, args in try IntMath.fromDouble(try selfFloat(args, "__trunc__")) }
        t.method("__floor__") { _, args in try IntMath.fromDouble(Foundation.floor(try selfFloat(args, "__floor__"))) }
        t.method("__ceil__") { _, args in try IntMath.fromDouble(Foundation.ceil(try selfFloat(args, "__ceil__"))) }
        t.method("__hash__") { _, args in .int(Hashing.hashDouble(try selfFloat(args, "__hash__"))) }
        t.method("__repr__") { _, args in .str(FloatRepr.repr(try selfFloat(args, "__repr__"))) }
        t.method("__format__") { _, args in
            try TypeSupport.need(args, 1, "__format__")
            let d = try selfFloat(args, "__format__")
            guard let spec = TypeSupport.string(args[1]) else {
                throw PyError.type("format() argument 2 must be str, not \(args[1].typeName)")
            }
            return .str(try Formatter.formatFloat(d, spec))
        }
        t.method("__round__") { vm, args in
            try TypeSupport.check(args, "__round__", 0, 1)
            let d = try selfFloat(args, "__round__")
            guard args.count == 2, !args[1].isNone else {
                return try IntMath.fromDouble(d.rounded(.toNearestOrEven))
            }
            let n = try TypeSupport.intArg(vm, args[1])
            return .float(try FloatRepr.round(d, n))
        }
        t.method("__getnewargs__") { _, args in .object(PyTuple([.float(try selfFloat(args, "__getnewargs__"))])) }
        t.method("is_integer") { _, args in
            let d = try selfFloat(args, "is_integer")
            return .bool(d.isFinite && d == d.rounded(.towardZero))
        }
        t.method("conjugate") { _, args in .float(try selfFloat(args, "conjugate")) }
        t.method("as_integer_ratio") { _, args in
            let d = try selfFloat(args, "as_integer_ratio")
            if d.isNaN { throw PyError.value("cannot convert NaN to integer ratio") }
            if d.isInfinite { throw PyError.overflow("cannot convert Infinity to integer ratio") }
            if d == 0 { return .object(PyTuple([.int(0), .int(1)])) }
            let m = d.magnitude
            var mant = BigInt(m.significandBitPattern | (m.isNormal ? (1 << 52) : 0))
            var e = m.isNormal ? Int(m.exponent) - 52 : -1074
            while e < 0 && !mant.magnitude[bitAt: 0] { mant >>= 1; e += 1 }
            if d < 0 { mant = -mant }
            if e >= 0 { return .object(PyTuple([.integer(mant << e), .int(1)])) }
            return .object(PyTuple([.integer(mant), .integer(BigInt(1) << (-e))]))
        }
        t.method("hex") { _, args in
            let d = try selfFloat(args, "hex")
            if d.isNaN { return .str("nan") }
            if d.isInfinite { return .str(d < 0 ? "-inf" : "inf") }
            if d == 0 { return .str(d.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0") }
            let m = d.magnitude
            let lead = m.isNormal ? 1 : 0
            let e = m.isNormal ? Int(m.exponent) : -1022
            var frac = String(m.significandBitPattern, radix: 16)
            frac = String(repeating: "0", count: 13 - frac.count) + frac
            return .str("\(d < 0 ? "-" : "")0x\(lead).\(frac)p\(e >= 0 ? "+" : "")\(e)")
        }
        t.getter("real") { _, v in v }
        t.getter("imag") { _, _ in .float(0) }
        t.constructor = { vm, type, args in
            if type !== PyType.float { throw PyError.type("subclassing float is not supported yet") }
            if !args.kwnames.isEmpty { throw PyError.type("float() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("float expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .float(0) }
            return .float(try toFloat(vm, x))
        }
    }

    /// `float(x)`.
    static func toFloat(_ vm: VM, _ x: Value) throws -> Double {
        switch x {
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return try IntMath.toDouble(b.value) }
            if let s = o as? PyStr { return try NumberParsing.floatFromString(s.value, original: x) }
            if let b = o as? PyBytes {
                return try NumberParsing.floatFromString(String(decoding: b.bytes, as: UTF8.self), original: x)
            }
            if let r = try vm.callSpecial(x, Names.float) {
                guard case .float(let d) = r else {
                    throw PyError.type("\(x.typeName).__float__ returned non-float (type \(r.typeName))")
                }
                return d
            }
            if let r = try vm.callSpecial(x, Names.index) {
                guard let b = IntMath.big(r) else {
                    throw PyError.type("__index__ returned non-int (type \(r.typeName))")
                }
                return try IntMath.toDouble(b)
            }
        default: break
        }
        throw PyError.type("float() argument must be a string or a real number, not '\(x.typeName)'")
    }
}
