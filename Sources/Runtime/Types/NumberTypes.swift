import BigInt
import Foundation

/// `int` and `bool` (float lives in FloatType.swift). Every operator is a dunder method in the type's
/// dict, returning NotImplemented for operand types it does not handle.
extension RuntimeSetup {
    static func installNumberTypes() {
        installIntType()
        installBoolType()
        installFloatType()
    }

    /// Registers `__op__` and `__rop__` for a binary operation on ints.
    private static func intBinary(_ t: PyType, _ name: String, _ f: @escaping (Value, Value) throws -> Value) {
        t.method("__\(name)__") { _, args in
            try TypeSupport.need(args, 1, "__\(name)__")
            try checkIntSelf(args, "__\(name)__")
            return try f(args[0], args[1])
        }
        t.method("__r\(name)__") { _, args in
            try TypeSupport.need(args, 1, "__r\(name)__")
            try checkIntSelf(args, "__r\(name)__")
            return try f(args[1], args[0])
        }
    }

    @inline(__always)
    static func checkIntSelf(_ args: Args, _ name: String) throws {
        if IntMath.big(args.first ?? .null) == nil {
            let got = args.first?.typeName ?? "nothing"
            throw PyError.type("descriptor '\(name)' requires a 'int' object but received a '\(got)'")
        }
    }

    /// The result of a three-way comparison (`c` nil: unordered, e.g. NaN) as a bool for `op`.
    static func comparisonResult(_ c: Int?, _ op: ComparisonOperatorKind) -> Value {
        guard let c = c else { return .bool(op == .ne) }
        switch op {
        case .lt: return .bool(c < 0)
        case .le: return .bool(c <= 0)
        case .eq: return .bool(c == 0)
        case .ne: return .bool(c != 0)
        case .gt: return .bool(c > 0)
        case .ge: return .bool(c >= 0)
        }
    }

    /// Compares an int-like value with an int, bool, big int or float; nil `.some(nil)` for NaN,
    /// nil when the other operand is not a number.
    static func compareIntWith(_ a: Value, _ b: Value) -> Int?? {
        if let c = IntMath.compareInts(a, b) { return .some(c) }
        if case .float(let d) = b {
            if let x = IntMath.small(a) { return .some(IntMath.compareSmall(x, d)) }
            return .some(IntMath.compare(IntMath.big(a)!, d))
        }
        return nil
    }

    private static func installIntType() {
        let t = PyType.int
        intBinary(t, "add", IntMath.add)
        intBinary(t, "sub", IntMath.sub)
        intBinary(t, "mul", IntMath.mul)
        intBinary(t, "floordiv", IntMath.floorDiv)
        intBinary(t, "mod", IntMath.mod)
        intBinary(t, "divmod", IntMath.divmod)
        intBinary(t, "truediv", IntMath.trueDiv)
        intBinary(t, "lshift", IntMath.lshift)
        intBinary(t, "rshift", IntMath.rshift)
        intBinary(t, "and") { IntMath.bitwise(.and, $0, $1) }
        intBinary(t, "or") { IntMath.bitwise(.or, $0, $1) }
        intBinary(t, "xor") { IntMath.bitwise(.xor, $0, $1) }
        t.method("__pow__") { _, args in
            try checkIntSelf(args, "__pow__")
            if args.count == 3 && !args[2].isNone {
                guard IntMath.big(args[1]) != nil else { return notImplementedValue }
                return try IntMath.powMod(args[0], args[1], args[2])
            }
            try TypeSupport.check(args, "__pow__", 1, 2)
            return try IntMath.pow(args[0], args[1])
        }
        t.method("__rpow__") { _, args in
            try checkIntSelf(args, "__rpow__")
            if args.count == 3 && !args[2].isNone {
                guard IntMath.big(args[1]) != nil else { return notImplementedValue }
                return try IntMath.powMod(args[1], args[0], args[2])
            }
            try TypeSupport.check(args, "__rpow__", 1, 2)
            return try IntMath.pow(args[1], args[0])
        }

        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                try checkIntSelf(args, name)
                guard let c = compareIntWith(args[0], args[1]) else { return notImplementedValue }
                return comparisonResult(c, op)
            }
        }

        t.method("__neg__") { _, args in try checkIntSelf(args, "__neg__"); return IntMath.negate(args[0]) }
        t.method("__pos__") { _, args in try checkIntSelf(args, "__pos__"); return intValue(args[0]) }
        t.method("__abs__") { _, args in try checkIntSelf(args, "__abs__"); return IntMath.abs(args[0]) }
        t.method("__invert__") { _, args in try checkIntSelf(args, "__invert__"); return IntMath.invert(args[0]) }
        t.method("__bool__") { _, args in
            try checkIntSelf(args, "__bool__")
            if let x = IntMath.small(args[0]) { return .bool(x != 0) }
            return .bool(true)
        }
        for name in ["__int__", "__index__", "__trunc__", "__floor__", "__ceil__", "conjugate"] {
            t.method(name) { _, args in try checkIntSelf(args, name); return intValue(args[0]) }
        }
        t.method("__float__") { _, args in
            try checkIntSelf(args, "__float__")
            return .float(try IntMath.toDouble(args[0])!)
        }
        t.method("__hash__") { _, args in
            try checkIntSelf(args, "__hash__")
            switch args[0] {
            case .int(let n): return .int(Hashing.hashInt(n))
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .int(Hashing.hashBig(IntMath.big(args[0])!))
            }
        }
        t.method("__repr__") { _, args in
            try checkIntSelf(args, "__repr__")
            return .str(try IntMath.toString(args[0]))
        }
        t.method("__format__") { _, args in
            try TypeSupport.need(args, 1, "__format__")
            try checkIntSelf(args, "__format__")
            guard let spec = TypeSupport.string(args[1]) else {
                throw PyError.type("format() argument 2 must be str, not \(args[1].typeName)")
            }
            if spec.isEmpty, case .bool(let b) = args[0] { return .str(b ? "True" : "False") }
            return .str(try Formatter.formatInt(args[0], spec))
        }
        t.method("__round__") { vm, args in
            try checkIntSelf(args, "__round__")
            try TypeSupport.check(args, "__round__", 0, 1)
            guard args.count == 2, !args[1].isNone else { return intValue(args[0]) }
            let n = try TypeSupport.intArg(vm, args[1])
            if n >= 0 { return intValue(args[0]) }
            let x = IntMath.big(args[0])!
            if -n > 5000 { return .int(0) }
            let p = BigInt(10).power(-n)
            var (q, r) = IntMath.floorDivMod(x, p)
            let twice = r * 2
            if twice > p || (twice == p && q.magnitude[bitAt: 0]) { q += 1 }
            r = 0
            return .integer(q * p)
        }
        t.method("__getnewargs__") { _, args in .object(PyTuple([intValue(args[0])])) }
        t.method("bit_length") { _, args in
            try checkIntSelf(args, "bit_length")
            if let x = IntMath.small(args[0]) { return .int(Int.bitWidth - x.magnitude.leadingZeroBitCount) }
            return .int(IntMath.big(args[0])!.magnitude.bitWidth)
        }
        t.method("bit_count") { _, args in
            try checkIntSelf(args, "bit_count")
            if let x = IntMath.small(args[0]) { return .int(x.magnitude.nonzeroBitCount) }
            return .int(IntMath.big(args[0])!.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        }
        t.method("as_integer_ratio") { _, args in
            try checkIntSelf(args, "as_integer_ratio")
            return .object(PyTuple([intValue(args[0]), .int(1)]))
        }
        t.method("is_integer") { _, _ in .bool(true) }
        t.method("to_bytes") { vm, args in
            try checkIntSelf(args, "to_bytes")
            try TypeSupport.check(args, "to_bytes", 0, 2, keywords: ["length", "byteorder", "signed"])
            let length = try TypeSupport.arg(args, 1, "length").map { try TypeSupport.intArg(vm, $0) } ?? 1
            let order = TypeSupport.arg(args, 2, "byteorder").flatMap(TypeSupport.string) ?? "big"
            let signed = try args.keyword("signed").map { try vm.truthy($0) } ?? false
            if length < 0 { throw PyError.value("length argument must be non-negative") }
            guard order == "big" || order == "little" else {
                throw PyError.value("byteorder must be either 'little' or 'big'")
            }
            let x = IntMath.big(args[0])!
            if x.sign == .minus && !x.isZero && !signed {
                throw PyError.overflow("can't convert negative int to unsigned")
            }
            var bytes = [UInt8](repeating: 0, count: length)
            let bits = 8 * length
            let fits: Bool
            if signed {
                let limit = bits == 0 ? BigInt(0) : BigInt(1) << (bits - 1)
                fits = x.isZero || (x < limit && x >= -limit)
            } else {
                fits = x.magnitude.bitWidth <= bits
            }
            if !fits { throw PyError.overflow("int too big to convert") }
            var v = x.sign == .minus && !x.isZero ? (BigInt(1) << bits) + x : x
            for i in 0..<length {
                bytes[length - 1 - i] = UInt8(truncatingIfNeeded: UInt(v.magnitude.words.first ?? 0) & 0xff)
                v >>= 8
            }
            if order == "little" { bytes.reverse() }
            return .object(PyBytes(bytes))
        }
        t.classMethod("from_bytes") { vm, _, args in
            try Args(args.positional, kwnames: args.kwnames, kwvalues: args.kwvalues)
                .check("from_bytes", min: 0, max: 2, keywords: ["bytes", "byteorder", "signed"])
            guard let src = args.get(0, "bytes") else {
                throw PyError.type("from_bytes() missing required argument 'bytes' (pos 1)")
            }
            var bytes = try BytesSupport.bytesFromIterable(vm, src)
            let order = args.get(1, "byteorder").flatMap(TypeSupport.string) ?? "big"
            guard order == "big" || order == "little" else {
                throw PyError.value("byteorder must be either 'little' or 'big'")
            }
            let signed = try args.keyword("signed").map { try vm.truthy($0) } ?? false
            if order == "little" { bytes.reverse() }
            var v = BigInt(0)
            for b in bytes { v = (v << 8) + BigInt(b) }
            if signed, let f = bytes.first, f & 0x80 != 0 { v -= BigInt(1) << (8 * bytes.count) }
            return .integer(v)
        }
        t.getter("real") { _, v in intValue(v) }
        t.getter("imag") { _, _ in .int(0) }
        t.getter("numerator") { _, v in intValue(v) }
        t.getter("denominator") { _, _ in .int(1) }
        t.constructor = { vm, type, args in
            if type !== PyType.int && type !== PyType.bool { throw PyError.type("subclassing int is not supported yet") }
            return try makeInt(vm, args)
        }
    }

    /// An int-like value as a plain int (`True` → 1).
    static func intValue(_ v: Value) -> Value {
        if case .bool(let b) = v { return .int(b ? 1 : 0) }
        return v
    }

    /// `int(x=0, base=10)`.
    static func makeInt(_ vm: VM, _ args: Args) throws -> Value {
        for k in args.kwnames where k != "base" {
            throw PyError.type("'\(k)' is an invalid keyword argument for int()")
        }
        if args.count > 2 { throw PyError.type("int() takes at most 2 arguments (\(args.count) given)") }
        let baseArg = args.get(1, "base")
        guard let x = args.first else {
            if baseArg != nil { throw PyError.type("int() missing string argument") }
            return .int(0)
        }
        if let ba = baseArg {
            let base = try TypeSupport.intArg(vm, ba)
            if base != 0 && (base < 2 || base > 36) { throw PyError.value("int() base must be >= 2 and <= 36, or 0") }
            if let s = TypeSupport.string(x) { return try NumberParsing.intFromString(s, base: base, original: x) }
            if case .object(let o) = x, let b = o as? PyBytes {
                return try NumberParsing.intFromString(String(decoding: b.bytes, as: UTF8.self), base: base, original: x)
            }
            throw PyError.type("int() can't convert non-string with explicit base")
        }
        return try toInt(vm, x)
    }

    /// `int(x)` for one argument.
    static func toInt(_ vm: VM, _ x: Value) throws -> Value {
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try IntMath.fromDouble(d)
        case .object(let o):
            if o is PyBigInt { return x }
            if let s = o as? PyStr { return try NumberParsing.intFromString(s.value, base: 10, original: x) }
            if let b = o as? PyBytes {
                return try NumberParsing.intFromString(String(decoding: b.bytes, as: UTF8.self), base: 10, original: x)
            }
            for name in [Names.int, Names.index, PyStr.intern("__trunc__")] {
                if let r = try vm.callSpecial(x, name) {
                    guard IntMath.big(r) != nil else {
                        throw PyError.type("\(x.typeName).\(name.value) returned non-int (type \(r.typeName))")
                    }
                    return intValue(r)
                }
            }
        default: break
        }
        throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
    }

    private static func installBoolType() {
        let t = PyType.bool
        t.method("__repr__") { _, args in
            guard case .bool(let b) = args[0] else { throw PyError.type("descriptor '__repr__' requires a 'bool' object") }
            return .str(b ? "True" : "False")
        }
        let bitOps: [(String, IntMath.BitOp)] = [("and", .and), ("or", .or), ("xor", .xor)]
        for (name, op) in bitOps {
            let f: (Value, Value) -> Value = { a, b in
                if case .bool(let x) = a, case .bool(let y) = b {
                    switch op {
                    case .and: return .bool(x && y)
                    case .or: return .bool(x || y)
                    case .xor: return .bool(x != y)
                    }
                }
                return IntMath.bitwise(op, a, b)
            }
            t.method("__\(name)__") { _, args in try TypeSupport.need(args, 1, "__\(name)__"); return f(args[0], args[1]) }
            t.method("__r\(name)__") { _, args in try TypeSupport.need(args, 1, "__r\(name)__"); return f(args[1], args[0]) }
        }
        t.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("bool() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("bool expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .bool(false) }
            return .bool(try vm.truthy(x))
        }
    }
}
