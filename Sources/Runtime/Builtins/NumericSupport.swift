import BigInt
import Foundation

/// Numeric helpers shared by the builtin functions (`abs`, `divmod`, `pow`, `round` …) and the
/// Engine's `math`/`random` modules: exact int ↔ float conversions with CPython's errors, Python's
/// floor division, and argument coercions.
public enum BuiltinNumerics {
    /// `float(n)` for a big integer, correctly rounded (round-half-even); nil when it overflows.
    public static func double(_ b: BigInt) -> Double? {
        let mag = b.magnitude
        let bits = mag.bitWidth
        if bits <= 64 {
            let d = Double(UInt64(mag))
            return b.sign == .minus ? -d : d
        }
        // Keep 54 significant bits (53 + a rounding bit) and remember whether anything below is set.
        let shift = bits - 54
        let top = UInt64(mag >> shift)
        let sticky = mag.trailingZeroBitCount < shift
        var mant = top >> 1
        if top & 1 == 1 && (sticky || mant & 1 == 1) { mant += 1 }
        let d = Double(sign: b.sign == .minus ? .minus : .plus, exponent: shift + 1, significand: Double(mant))
        return d.isFinite ? d : nil
    }

    /// `float(v)` for an int value (inline or big), raising CPython's OverflowError.
    public static func intToDouble(_ v: Value) throws -> Double {
        switch v {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let big = o as? PyBigInt {
                guard let d = double(big.value) else { throw PyError.overflow("int too large to convert to float") }
                return d
            }
        default: break
        }
        throw PyError.type("must be real number, not \(v.typeName)")
    }

    /// The argument conversion of the `math` functions (`PyFloat_AsDouble`): floats, ints, and objects
    /// with `__float__` or `__index__`; TypeError "must be real number, not X" otherwise.
    public static func toDouble(_ vm: VM, _ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o) where o is PyBigInt: return try intToDouble(v)
        default:
            if let r = try vm.callSpecial(v, Names.float) {
                guard case .float(let d) = r else {
                    throw PyError.type("\(v.typeName).__float__ returned non-float (type \(r.typeName))")
                }
                return d
            }
            if v.type.lookup(Names.index) != nil, let r = try vm.callSpecial(v, Names.index) {
                if let b = vm.bigInt(r) { return try intToDouble(.integer(b)) }
            }
            throw PyError.type("must be real number, not \(v.typeName)")
        }
    }

    /// The exact integer value of `v` via `__index__` (TypeError "'X' object cannot be interpreted as an
    /// integer" otherwise).
    public static func indexBig(_ vm: VM, _ v: Value) throws -> BigInt {
        if let b = vm.bigInt(v) { return b }
        if let r = try vm.callSpecial(v, Names.index) {
            if let b = vm.bigInt(r) { return b }
            throw PyError.type("__index__ returned non-int (type \(r.typeName))")
        }
        throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
    }

    /// `int(d)` for a float that is already integral (floor/ceil/trunc/round results).
    public static func intFromDouble(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        if d >= -9.2e18 && d <= 9.2e18 { return .int(Int(d)) }
        return .integer(BigInt(d))
    }

    /// Python's floor division and modulo for big integers (`divmod`). `b` must not be zero.
    public static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && (r.sign == .minus) != (b.sign == .minus) {
            q -= 1
            r += b
        }
        return (q, r)
    }

    /// Python's floor division and modulo for machine ints (nil on overflow: `Int.min // -1`).
    public static func floorDivMod(_ a: Int, _ b: Int) -> (Int, Int)? {
        if a == Int.min && b == -1 { return nil }
        var q = a / b, r = a % b
        if r != 0 && (r < 0) != (b < 0) { q -= 1; r += b }
        return (q, r)
    }

    /// Python's float `divmod` (Objects/floatobject.c `_float_div_mod`).
    public static func floatDivMod(_ vx: Double, _ wx: Double) throws -> (Double, Double) {
        if wx == 0 { throw PyError.zeroDivision("float divmod()") }
        var mod = fmod(vx, wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) { mod += wx; div -= 1 }
        } else {
            mod = copysign(0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0, vx / wx)
        }
        return (floordiv, mod)
    }

    /// The value as `Int` if it is a (small) int or bool.
    @inline(__always) public static func smallInt(_ v: Value) -> Int? {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Whether `v` is an int (including bool and big ints).
    @inline(__always) public static func isInt(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    /// `int.bit_length()`.
    public static func bitLength(_ b: BigInt) -> Int { b.magnitude.bitWidth }

    /// Python's `str(float)`/`repr(float)` for the module functions that must print floats themselves.
    public static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return Repr.fast(.float(d)) ?? "\(d)"
    }
}
