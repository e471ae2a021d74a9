import BigInt
import Foundation
import Runtime

/// The `math` module, following CPython's Modules/mathmodule.c: libm functions with CPython's
/// domain/range error rules, exact integer functions, and the exact summation/norm algorithms (the
/// latter in MathExact.swift).
public enum MathModule {
    public static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "math")
        m.dict.setStr("pi", .float(Double.pi))
        m.dict.setStr("e", .float(M_E))
        m.dict.setStr("tau", .float(2 * Double.pi))
        m.dict.setStr("inf", .float(Double.infinity))
        m.dict.setStr("nan", .float(Double.nan))

        // One-argument libm functions: (name, function, whether an infinite result means overflow).
        let unary: [(String, (Double) -> Double, Bool)] = [
            ("sqrt", { Foundation.sqrt($0) }, false), ("exp", { Foundation.exp($0) }, true),
            ("exp2", { Foundation.exp2($0) }, true), ("expm1", { Foundation.expm1($0) }, true),
            ("sin", { Foundation.sin($0) }, false), ("cos", { Foundation.cos($0) }, false),
            ("tan", { Foundation.tan($0) }, false), ("asin", { Foundation.asin($0) }, false),
            ("acos", { Foundation.acos($0) }, false), ("atan", { Foundation.atan($0) }, false),
            ("sinh", { Foundation.sinh($0) }, true), ("cosh", { Foundation.cosh($0) }, true),
            ("tanh", { Foundation.tanh($0) }, false), ("asinh", { Foundation.asinh($0) }, false),
            ("acosh", { Foundation.acosh($0) }, false), ("atanh", { Foundation.atanh($0) }, false),
            ("log1p", { Foundation.log1p($0) }, false), ("erf", { Foundation.erf($0) }, false),
            ("erfc", { Foundation.erfc($0) }, false), ("cbrt", { Foundation.cbrt($0) }, false),
        ]
        for (name, f, canOverflow) in unary {
            m.defineFunction(name) { vm, args in
                try args.check("math.\(name)", min: 1, max: 1)
                return .float(try math1(try BuiltinNumerics.toDouble(vm, args[0]), f, canOverflow: canOverflow))
            }
        }
        // No error checks at all (as in CPython).
        let plain: [(String, (Double) -> Double)] = [
            ("fabs", { Swift.abs($0) }), ("degrees", { $0 * (180.0 / Double.pi) }),
            ("radians", { $0 * (Double.pi / 180.0) }),
        ]
        for (name, f) in plain {
            m.defineFunction(name) { vm, args in
                try args.check("math.\(name)", min: 1, max: 1)
                return .float(f(try BuiltinNumerics.toDouble(vm, args[0])))
            }
        }
        m.defineFunction("gamma") { vm, args in
            try args.check("math.gamma", min: 1, max: 1)
            return .float(try MathGamma.run(try BuiltinNumerics.toDouble(vm, args[0]), MathGamma.tgamma))
        }
        m.defineFunction("lgamma") { vm, args in
            try args.check("math.lgamma", min: 1, max: 1)
            return .float(try MathGamma.run(try BuiltinNumerics.toDouble(vm, args[0]), MathGamma.lgamma))
        }
        for (name, f) in [("log2", { Foundation.log2($0) }), ("log10", { Foundation.log10($0) })] as [(String, (Double) -> Double)] {
            m.defineFunction(name) { vm, args in
                try args.check("math.\(name)", min: 1, max: 1)
                return .float(try logHelper(vm, args[0], f))
            }
        }
        m.defineFunction("log") { vm, args in
            if args.count < 1 || args.count > 2 { throw PyError.type("math.log requires 1 to 2 arguments") }
            try args.check("log", min: 1, max: 2)
            let num = try logHelper(vm, args[0], { Foundation.log($0) })
            if args.count == 1 { return .float(num) }
            let den = try logHelper(vm, args[1], { Foundation.log($0) })
            if den == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(num / den)
        }

        let binary: [(String, (Double, Double) throws -> Double)] = [
            ("atan2", { Foundation.atan2($0, $1) }),
            ("copysign", { Foundation.copysign($0, $1) }),
            ("pow", { try power($0, $1) }),
            ("fmod", { x, y in
                if y.isInfinite && x.isFinite { return x }
                let r = Foundation.fmod(x, y)
                if r.isNaN && !x.isNaN && !y.isNaN { throw domainError }
                return r
            }),
            ("remainder", { x, y in
                if x.isNaN { return x }
                if y.isNaN { return y }
                if x.isInfinite || y == 0 { throw domainError }
                if y.isInfinite { return x }
                return Foundation.remainder(x, y)
            }),
            ("nextafter", { Foundation.nextafter($0, $1) }),
        ]
        for (name, f) in binary {
            m.defineFunction(name) { vm, args in
                try exactly(args, name, 2)
                return .float(try f(try BuiltinNumerics.toDouble(vm, args[0]), try BuiltinNumerics.toDouble(vm, args[1])))
            }
        }

        m.defineFunction("floor") { vm, args in
            try args.check("math.floor", min: 1, max: 1)
            return try rounding(vm, args[0], MathNames.floor, { $0.rounded(.down) })
        }
        m.defineFunction("ceil") { vm, args in
            try args.check("math.ceil", min: 1, max: 1)
            return try rounding(vm, args[0], MathNames.ceil, { $0.rounded(.up) })
        }
        m.defineFunction("trunc") { vm, args in
            try args.check("math.trunc", min: 1, max: 1)
            let x = args[0]
            switch x {
            case .float(let d): return try BuiltinNumerics.intFromDouble(d.rounded(.towardZero))
            case .int: return x
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let o) where o is PyBigInt: return x
            default:
                if let r = try vm.callSpecial(x, MathNames.trunc) { return r }
                throw PyError.type("type \(x.typeName) doesn't define __trunc__ method")
            }
        }
        m.defineFunction("isinf") { vm, args in
            try args.check("math.isinf", min: 1, max: 1)
            return .bool(try BuiltinNumerics.toDouble(vm, args[0]).isInfinite)
        }
        m.defineFunction("isnan") { vm, args in
            try args.check("math.isnan", min: 1, max: 1)
            return .bool(try BuiltinNumerics.toDouble(vm, args[0]).isNaN)
        }
        m.defineFunction("isfinite") { vm, args in
            try args.check("math.isfinite", min: 1, max: 1)
            return .bool(try BuiltinNumerics.toDouble(vm, args[0]).isFinite)
        }
        m.defineFunction("modf") { vm, args in
            try args.check("math.modf", min: 1, max: 1)
            let x = try BuiltinNumerics.toDouble(vm, args[0])
            if x.isInfinite { return .object(PyTuple([.float(Foundation.copysign(0.0, x)), .float(x)])) }
            let ip = x.rounded(.towardZero)
            return .object(PyTuple([.float(Foundation.copysign(x - ip, x)), .float(ip)]))
        }
        m.defineFunction("frexp") { vm, args in
            try args.check("math.frexp", min: 1, max: 1)
            let x = try BuiltinNumerics.toDouble(vm, args[0])
            if x.isNaN || x.isInfinite || x == 0 { return .object(PyTuple([.float(x), .int(0)])) }
            // Swift's frexp drops the sign of the mantissa; C's keeps it.
            let e = Int(x.exponent) + 1
            return .object(PyTuple([.float(Foundation.scalbn(x, -e)), .int(e)]))
        }
        m.defineFunction("ldexp") { vm, args in
            try exactly(args, "ldexp", 2)
            let x = try BuiltinNumerics.toDouble(vm, args[0])
            guard let eb = vm.bigInt(args[1]) else { throw PyError.type("Expected an int as second argument to ldexp.") }
            if x == 0 || !x.isFinite { return .float(x) }
            let e = eb > BigInt(Int32.max) ? Int(Int32.max) : eb < BigInt(Int32.min) ? Int(Int32.min) : Int(eb)
            let r = Foundation.scalbn(x, e)
            if r.isInfinite { throw rangeError }
            return .float(r)
        }
        m.defineFunction("ulp") { vm, args in
            try args.check("math.ulp", min: 1, max: 1)
            let x = try BuiltinNumerics.toDouble(vm, args[0])
            if x.isNaN { return .float(x) }
            let ax = Swift.abs(x)
            if ax.isInfinite { return .float(ax) }
            let next = Foundation.nextafter(ax, .infinity)
            if next.isInfinite { return .float(ax - Foundation.nextafter(ax, -.infinity)) }
            return .float(next - ax)
        }
        m.defineFunction("isclose") { vm, args in
            for k in args.kwnames where !["a", "b", "rel_tol", "abs_tol"].contains(k) {
                throw PyError.type("isclose() got an unexpected keyword argument '\(k)'")
            }
            if args.count > 2 { throw PyError.type("isclose() takes exactly 2 positional arguments (\(args.count) given)") }
            guard let av = args.get(0, "a") else { throw PyError.type("isclose() missing required argument 'a' (pos 1)") }
            guard let bv = args.get(1, "b") else { throw PyError.type("isclose() missing required argument 'b' (pos 2)") }
            let a = try BuiltinNumerics.toDouble(vm, av), b = try BuiltinNumerics.toDouble(vm, bv)
            let relTol = try args.keyword("rel_tol").map { try BuiltinNumerics.toDouble(vm, $0) } ?? 1e-9
            let absTol = try args.keyword("abs_tol").map { try BuiltinNumerics.toDouble(vm, $0) } ?? 0.0
            if relTol < 0 || absTol < 0 { throw PyError.value("tolerances must be non-negative") }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(b - a)
            return .bool(diff <= Swift.abs(relTol * b) || diff <= Swift.abs(relTol * a) || diff <= absTol)
        }
        installExactFunctions(m)
        return m
    }

    static var domainError: PyError { PyError.value("math domain error") }
    static var rangeError: PyError { PyError.overflow("math range error") }

    /// `math_1`: NaN from a non-NaN argument is a domain error; an infinite result from a finite
    /// argument is an overflow (when the function can overflow) or a domain error (a pole).
    static func math1(_ x: Double, _ f: (Double) -> Double, canOverflow: Bool) throws -> Double {
        let r = f(x)
        if r.isNaN && !x.isNaN { throw domainError }
        if r.isInfinite && x.isFinite { throw canOverflow ? rangeError : domainError }
        return r
    }

    /// `exactly n arguments` with Argument Clinic's message ("atan2 expected 2 arguments, got 1").
    static func exactly(_ args: Args, _ name: String, _ n: Int) throws {
        if args.hasKeywords { throw PyError.type("\(name)() takes no keyword arguments") }
        if args.count != n { throw PyError.type("\(name) expected \(n) arguments, got \(args.count)") }
    }

    /// `loghelper`: ints of any size (log of a huge int via its binary exponent), else libm rules.
    static func logHelper(_ vm: VM, _ v: Value, _ f: (Double) -> Double) throws -> Double {
        if let b = vm.bigInt(v) {
            if b.sign == .minus || b.isZero { throw domainError }
            if let d = BuiltinNumerics.double(b) { return f(d) }
            let (x, e) = frexpBig(b)
            return f(x) + f(2.0) * Double(e)
        }
        let x = try BuiltinNumerics.toDouble(vm, v)
        return try math1(x, f, canOverflow: false)
    }

    /// `_PyLong_Frexp`: (x, e) with |b| ≈ x·2^e, 0.5 ≤ x < 1, x correctly rounded.
    static func frexpBig(_ b: BigInt) -> (Double, Int) {
        let mag = b.magnitude
        var bits = mag.bitWidth
        if bits <= 53 { let (x, e) = Foundation.frexp(Double(UInt64(mag))); return (x, e) }
        let shift = bits - 54
        let top = UInt64(mag >> shift)
        let sticky = mag.trailingZeroBitCount < shift
        var mant = top >> 1
        if top & 1 == 1 && (sticky || mant & 1 == 1) { mant += 1 }
        if mant == 1 << 53 { mant >>= 1; bits += 1 }
        return (Double(mant) / 9007199254740992.0, bits)
    }

    /// `math.pow`: C99 special cases handled explicitly, as CPython does.
    static func power(_ x: Double, _ y: Double) throws -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1 : x }
            if y.isNaN { return x == 1 ? 1 : y }
            if x.isInfinite {
                let oddY = y.isFinite && Foundation.fmod(Swift.abs(y), 2.0) == 1.0
                if y > 0 { return oddY ? x : Swift.abs(x) }
                if y == 0 { return 1 }
                return oddY ? Foundation.copysign(0.0, x) : 0.0
            }
            if Swift.abs(x) == 1.0 { return 1 }
            if y > 0 && Swift.abs(x) > 1.0 { return y }
            if y < 0 && Swift.abs(x) < 1.0 { return -y }
            return 0
        }
        let r = Foundation.pow(x, y)
        if r.isNaN { throw domainError }
        if r.isInfinite { throw x == 0 ? domainError : rangeError }
        return r
    }

    /// `math.floor`/`math.ceil`: floats directly, ints unchanged, `__floor__`/`__ceil__`, else float().
    static func rounding(_ vm: VM, _ x: Value, _ dunder: PyStr, _ f: (Double) -> Double) throws -> Value {
        switch x {
        case .float(let d): return try BuiltinNumerics.intFromDouble(f(d))
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let o) where o is PyBigInt: return x
        default:
            if let r = try vm.callSpecial(x, dunder) { return r }
            return try BuiltinNumerics.intFromDouble(f(try BuiltinNumerics.toDouble(vm, x)))
        }
    }
}

enum MathNames {
    static let floor = PyStr.intern("__floor__")
    static let ceil = PyStr.intern("__ceil__")
    static let trunc = PyStr.intern("__trunc__")
}
