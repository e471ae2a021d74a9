import Foundation
import BigInt

/// CPython's float to text conversions: `repr` (shortest round-trip digits, scientific notation when
/// the exponent is < -4 or >= 16), and the correctly rounded `e`/`f`/`g` conversions used by
/// `format()`, `%`-formatting and `round()`.
enum FloatRepr {
    /// `repr(x)` / `str(x)`.
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, decpt) = shortestDigits(d)
        return (negative ? "-" : "") + layoutRepr(digits, decpt)
    }

    /// The shortest round-trip digits of a finite nonzero double: sign, digit string without leading or
    /// trailing zeros, and `decpt` such that the value is 0.DIGITS × 10^decpt.
    static func shortestDigits(_ d: Double) -> (Bool, [UInt8], Int) {
        let s = d.magnitude.description  // Swift prints the shortest round-trip digits
        var mantissa = Substring(s)
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[s.startIndex..<e]
            exp = Int(s[s.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var intLen = 0
        var seenDot = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { seenDot = true; continue }
            digits.append(c - 48)
            if !seenDot { intLen += 1 }
        }
        var decpt = intLen + exp
        while let f = digits.first, f == 0 { digits.removeFirst(); decpt -= 1 }
        while let l = digits.last, l == 0 { digits.removeLast() }
        if digits.isEmpty { digits = [0]; decpt = 1 }
        return (d.sign == .minus, digits, decpt)
    }

    /// Python's repr layout of digits: fixed notation for -4 <= exponent < 16, else `d.ddde+XX`.
    static func layoutRepr(_ digits: [UInt8], _ decpt: Int) -> String {
        let ds = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if decpt > -4 && decpt <= 16 {
            if decpt <= 0 { return "0." + String(repeating: "0", count: -decpt) + ds }
            if decpt >= digits.count { return ds + String(repeating: "0", count: decpt - digits.count) + ".0" }
            let i = ds.index(ds.startIndex, offsetBy: decpt)
            return String(ds[..<i]) + "." + String(ds[i...])
        }
        let e = decpt - 1
        var out = String(ds.first!)
        if ds.count > 1 { out += "." + ds.dropFirst() }
        out += e < 0 ? "e-" : "e+"
        let ae = Swift.abs(e)
        out += ae < 10 ? "0\(ae)" : "\(ae)"
        return out
    }

    /// C's `snprintf` with one double (`%.*e`, `%#.*g` …): glibc rounds correctly from the exact value.
    static func cFormat(_ d: Double, _ conv: Character, precision: Int, alternate: Bool = false) -> String {
        let fmt = "%" + (alternate ? "#" : "") + ".*" + String(conv)
        let p = Int32(Swift.min(precision, 10000))
        var size = 64 + Int(p) + (conv == "f" || conv == "F" ? 320 : 0)
        while true {
            var buf = [CChar](repeating: 0, count: size)
            let n = withVaList([p, d]) { va in buf.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, size, fmt, va) } }
            if Int(n) < size {
                return String(decoding: buf.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            size = Int(n) + 1
        }
    }

    /// `PyOS_double_to_string` for the format types `e E f F g G r` (and `%` handled by the caller):
    /// flags `alternate` (#), `addDot0` (no-type format: force a `.0`), `noNegZero` (z).
    static func format(_ value: Double, type: Character, precision: Int, alternate: Bool = false,
                       addDot0: Bool = false, noNegZero: Bool = false) -> String {
        let d = value
        let upper = type == "E" || type == "F" || type == "G"
        if d.isNaN { return upper ? "NAN" : "nan" }
        if d.isInfinite { return (d < 0 ? "-" : "") + (upper ? "INF" : "inf") }
        var out: String
        switch type {
        case "r":
            out = repr(d)
        case "e", "E", "f", "F":
            out = cFormat(d, type, precision: precision, alternate: alternate)
        default:  // g, G
            out = formatG(d, precision: precision == 0 ? 1 : precision, alternate: alternate,
                          addDot0: addDot0, upper: upper)
        }
        if noNegZero, out.hasPrefix("-") {
            // Negative zero after rounding: every digit is 0.
            let rest = out.dropFirst()
            let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
            if mantissa.allSatisfy({ $0 == "0" || $0 == "." }) { out = String(rest) }
        }
        return out
    }

    /// CPython's `format_float_short` for the `g` conversion (digits from C's correctly rounded `%e`).
    static func formatG(_ d: Double, precision p: Int, alternate: Bool, addDot0: Bool, upper: Bool) -> String {
        let e = cFormat(d.magnitude, "e", precision: p - 1)
        guard let ei = e.firstIndex(of: "e") else { return e }
        var digits: [UInt8] = e[..<ei].utf8.filter { $0 != UInt8(ascii: ".") }.map { $0 - 48 }
        let exp10 = Int(e[e.index(after: ei)...]) ?? 0
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        var decpt = exp10 + 1
        if digits == [0] { decpt = 1 }
        var useExp = false
        if decpt <= -4 || decpt > (addDot0 ? p - 1 : p) { useExp = true }
        var vend = alternate ? p : digits.count
        var exp = 0
        if useExp { exp = decpt - 1; decpt = 1 }
        let vstart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && addDot0 { vend = Swift.max(vend, decpt + 1) } else { vend = Swift.max(vend, decpt) }
        var out = d.sign == .minus ? "-" : ""
        var i = vstart
        while i < vend {
            if i == decpt { out += "." }
            out += i >= 0 && i < digits.count ? String(digits[i]) : "0"
            i += 1
        }
        if decpt == vend && alternate { out += "." }
        if useExp {
            out += upper ? "E" : "e"
            out += exp < 0 ? "-" : "+"
            out += Swift.abs(exp) < 10 ? "0\(Swift.abs(exp))" : "\(Swift.abs(exp))"
        }
        return out
    }

    // MARK: round

    /// `round(x, ndigits)` for floats, correctly rounded (half to even on the exact binary value).
    static func round(_ x: Double, _ ndigits: Int) throws -> Double {
        if !x.isFinite || x == 0 { return x }
        if ndigits > 323 { return x }
        if ndigits < -308 { return 0.0 * x }
        if ndigits >= 0 {
            let s = cFormat(x, "f", precision: ndigits)
            let r = Double(s) ?? x
            if r.isInfinite { throw PyError.overflow("rounded value too large to represent") }
            return r == 0 ? (x < 0 ? -0.0 : 0.0) : r
        }
        // Negative ndigits: exact rational arithmetic.
        let k = -ndigits
        let pow10 = BigInt(10).power(k)
        let mant = BigInt(x.magnitude.significandBitPattern | (x.magnitude.isNormal ? (1 << 52) : 0))
        let e = x.magnitude.isNormal ? Int(x.magnitude.exponent) - 52 : -1074
        // |x| = mant * 2^e; q = round_half_even(|x| / 10^k)
        var num = mant, den = pow10
        if e >= 0 { num <<= e } else { den <<= -e }
        var (q, r) = num.quotientAndRemainder(dividingBy: den)
        let twice = r * 2
        if twice > den || (twice == den && q.magnitude[bitAt: 0]) { q += 1 }
        r = 0
        let resultInt = q * pow10
        let d = try IntMath.toDouble(resultInt)
        if d.isInfinite { throw PyError.overflow("rounded value too large to represent") }
        return x < 0 ? -d : d
    }
}

/// Float arithmetic with Python's semantics and error messages.
enum FloatMath {
    static func pow(_ iv: Double, _ iw: Double) throws -> Value {
        if iw == 0 { return .float(1.0) }
        if iv == 1.0 { return .float(1.0) }
        if iv.isNaN || iw.isNaN { return .float(.nan) }
        if iv == 0 && iw < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
        if iv < 0 && iv.isFinite && iw.isFinite && iw != iw.rounded() {
            throw PyError.value("math domain error")
        }
        let r = Foundation.pow(iv, iw)
        if r.isInfinite && iv.isFinite && iw.isFinite {
            throw PyError.overflow("(34, 'Numerical result out of range')")
        }
        return .float(r)
    }

    static func floorDiv(_ vx: Double, _ wx: Double) throws -> Double {
        if wx == 0 { throw PyError.zeroDivision("float floor division by zero") }
        return divmod(vx, wx).0
    }

    static func mod(_ vx: Double, _ wx: Double) throws -> Double {
        if wx == 0 { throw PyError.zeroDivision("float modulo") }
        var m = fmod(vx, wx)
        if m != 0 {
            if (wx < 0) != (m < 0) { m += wx }
        } else {
            m = copysign(0.0, wx)
        }
        return m
    }

    /// CPython's `_float_div_mod` (wx != 0).
    static func divmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
        var m = fmod(vx, wx)
        var div = (vx - m) / wx
        if m != 0 {
            if (wx < 0) != (m < 0) { m += wx; div -= 1.0 }
        } else {
            m = copysign(0.0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = floor(div)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, m)
    }
}
