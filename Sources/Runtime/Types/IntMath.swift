import BigInt
import Foundation

/// Python integer arithmetic on `Value`s: `Int` fast paths that never trap (overflow falls back to
/// BigInt), floor division/modulo, two's-complement bitwise operations and shifts on big ints, and
/// correctly rounded conversions to float.
enum IntMath {
    /// The exact value of an int-like `Value` (int, bool, big int); nil otherwise.
    @inline(__always)
    static func big(_ v: Value) -> BigInt? {
        switch v {
        case .int(let n): return BigInt(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    @inline(__always)
    static func small(_ v: Value) -> Int? {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    // MARK: arithmetic

    static func add(_ a: Value, _ b: Value) -> Value {
        if let x = small(a), let y = small(b) {
            let (r, o) = x.addingReportingOverflow(y)
            if !o { return .int(r) }
        }
        return Limbs.withOperands(a, b) { an, am, bn, bm in addSigned(an, am, bn, bm) } ?? notImplementedValue
    }

    static func sub(_ a: Value, _ b: Value) -> Value {
        if let x = small(a), let y = small(b) {
            let (r, o) = x.subtractingReportingOverflow(y)
            if !o { return .int(r) }
        }
        return Limbs.withOperands(a, b) { an, am, bn, bm in addSigned(an, am, !bn, bm) } ?? notImplementedValue
    }

    static func mul(_ a: Value, _ b: Value) -> Value {
        if let x = small(a), let y = small(b) {
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o { return .int(r) }
        }
        return Limbs.withOperands(a, b) { an, am, bn, bm in Limbs.make(an != bn, Limbs.mul(am, bm)) } ?? notImplementedValue
    }

    /// Sum of two signed magnitudes (a zero magnitude may carry either sign).
    static func addSigned(_ an: Bool, _ am: Limbs.Buf, _ bn: Bool, _ bm: Limbs.Buf) -> Value {
        if an == bn { return Limbs.make(an, Limbs.add(am, bm)) }
        let c = Limbs.compare(am, bm)
        if c == 0 { return .int(0) }
        return c > 0 ? Limbs.make(an, Limbs.sub(am, bm)) : Limbs.make(bn, Limbs.sub(bm, am))
    }

    /// Python floor division and modulo of signed magnitudes (`bm` nonzero): the remainder takes
    /// the divisor's sign.
    static func floorDivModSigned(_ an: Bool, _ am: Limbs.Buf, _ bn: Bool, _ bm: Limbs.Buf, wantQuotient: Bool = true) -> (Value, Value) {
        let negative = an != bn && !am.isEmpty
        if bm.count == 1 {
            let d = bm[0]
            if !wantQuotient {
                var r = Limbs.modWord(am, d)
                if negative && r != 0 { r = d - r }
                return (.int(0), Limbs.make(bn, word: r))
            }
            var (q, r) = Limbs.divModWord(am, d)
            if negative && r != 0 {
                q = q.withUnsafeBufferPointer { qp in Limbs.withOperand(.int(1)) { _, one in Limbs.add(qp, one) }! }
                r = d - r
            }
            return (Limbs.make(negative, q), Limbs.make(bn, word: r))
        }
        var (q, r) = Limbs.divMod(am, bm)
        if negative && !r.isEmpty {
            if wantQuotient {
                q = q.withUnsafeBufferPointer { qp in Limbs.withOperand(.int(1)) { _, one in Limbs.add(qp, one) }! }
            }
            r = r.withUnsafeBufferPointer { Limbs.sub(bm, $0) }
        }
        return (wantQuotient ? Limbs.make(negative, q) : .int(0), Limbs.make(bn, r))
    }

    /// Three-way comparison of signed magnitudes.
    @inline(__always)
    static func compareSigned(_ an: Bool, _ am: Limbs.Buf, _ bn: Bool, _ bm: Limbs.Buf) -> Int {
        let aNeg = an && !am.isEmpty, bNeg = bn && !bm.isEmpty
        if aNeg != bNeg { return aNeg ? -1 : 1 }
        let c = Limbs.compare(am, bm)
        return aNeg ? -c : c
    }

    /// Floor division and modulo of big ints (Python semantics: the remainder has the divisor's sign).
    static func floorDivMod(_ x: BigInt, _ y: BigInt) -> (BigInt, BigInt) {
        var (q, r) = x.quotientAndRemainder(dividingBy: y)
        if !r.isZero && ((r.sign == .minus) != (y.sign == .minus)) { q -= 1; r += y }
        return (q, r)
    }

    static func floorDiv(_ a: Value, _ b: Value) throws -> Value {
        if let x = small(a), let y = small(b) {
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            if !(x == Int.min && y == -1) {
                var q = x / y
                if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
                return .int(q)
            }
        }
        guard let r = try Limbs.withOperands(a, b, { an, am, bn, bm -> Value in
            if bm.isEmpty { throw PyError.zeroDivision("integer division or modulo by zero") }
            return floorDivModSigned(an, am, bn, bm).0
        }) else { return notImplementedValue }
        return r
    }

    static func mod(_ a: Value, _ b: Value) throws -> Value {
        if let x = small(a), let y = small(b) {
            if y == 0 { throw PyError.zeroDivision("integer modulo by zero") }
            if y == -1 { return .int(0) }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .int(r)
        }
        guard let r = try Limbs.withOperands(a, b, { an, am, bn, bm -> Value in
            if bm.isEmpty { throw PyError.zeroDivision("integer modulo by zero") }
            return floorDivModSigned(an, am, bn, bm, wantQuotient: false).1
        }) else { return notImplementedValue }
        return r
    }

    static func divmod(_ a: Value, _ b: Value) throws -> Value {
        guard let _ = big(a), let _ = big(b) else { return notImplementedValue }
        if let x = small(a), let y = small(b), y != 0, !(x == Int.min && y == -1) {
            var q = x / y, r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { q -= 1; r += y }
            return .object(PyTuple([.int(q), .int(r)]))
        }
        let (q, r) = try Limbs.withOperands(a, b, { an, am, bn, bm -> (Value, Value) in
            if bm.isEmpty { throw PyError.zeroDivision("integer division or modulo by zero") }
            return floorDivModSigned(an, am, bn, bm)
        })!
        return .object(PyTuple([q, r]))
    }

    static func trueDiv(_ a: Value, _ b: Value) throws -> Value {
        if let x = small(a), let y = small(b) {
            if y == 0 { throw PyError.zeroDivision("division by zero") }
            let limit = 1 << 53
            if x.magnitude <= limit && y.magnitude <= limit { return .float(Double(x) / Double(y)) }
        }
        guard let x = big(a), let y = big(b) else { return notImplementedValue }
        if y.isZero { throw PyError.zeroDivision("division by zero") }
        return .float(try divideToDouble(x, y))
    }

    /// `x / y` correctly rounded (round-half-even), as CPython's `long_true_divide`.
    static func divideToDouble(_ x: BigInt, _ y: BigInt) throws -> Double {
        let negative = (x.sign == .minus) != (y.sign == .minus) && !x.isZero
        let a = x.magnitude, b = y.magnitude
        if a.isZero { return negative ? -0.0 : 0.0 }
        // Scale so that the quotient has 55 or 56 significant bits.
        let shift = 55 - (a.bitWidth - b.bitWidth)
        let (q, r): (BigUInt, BigUInt)
        if shift >= 0 { (q, r) = (a << shift).quotientAndRemainder(dividingBy: b) }
        else { (q, r) = a.quotientAndRemainder(dividingBy: b << (-shift)) }
        var qv = UInt64(q)
        if !r.isZero { qv |= 1 }  // sticky bit below the rounding position
        // Exponent of the result: qv * 2^-shift.
        let e = (64 - qv.leadingZeroBitCount) - shift  // value in [2^(e-1), 2^e)
        if e > 1024 { throw PyError.overflow("integer division result too large for a float") }
        let d: Double
        if e < -1021 {
            // Subnormal: round at the right binary position to avoid double rounding.
            let drop = -1074 + shift  // bits of qv below 2^-1074
            if drop >= 64 { d = 0 } else if drop <= 0 { d = Double(qv) * Foundation.pow(2.0, Double(-shift)) }
            else { d = Double(roundShift(qv, drop)) * Foundation.pow(2.0, -1074.0) }
        } else {
            d = Double(sign: .plus, exponent: -shift, significand: Double(qv))
        }
        if d.isInfinite { throw PyError.overflow("integer division result too large for a float") }
        return negative ? -d : d
    }

    /// `v >> n` rounded half to even (n in 1...63).
    private static func roundShift(_ v: UInt64, _ n: Int) -> UInt64 {
        let q = v >> UInt64(n)
        let rem = v & ((1 << UInt64(n)) - 1)
        let half: UInt64 = 1 << UInt64(n - 1)
        if rem > half || (rem == half && q & 1 == 1) { return q + 1 }
        return q
    }

    /// A big int as a correctly rounded Double; OverflowError when too large.
    static func toDouble(_ b: BigInt) throws -> Double {
        if let i = Int(exactly: b) { return Double(i) }
        let mag = b.magnitude
        let bits = mag.bitWidth
        if bits > 1024 { throw PyError.overflow("int too large to convert to float") }
        let drop = bits - 55
        var top = UInt64(mag >> drop)
        if mag.trailingZeroBitCount < drop { top |= 1 }
        let d = Double(sign: .plus, exponent: drop, significand: Double(top))
        if d.isInfinite { throw PyError.overflow("int too large to convert to float") }
        return b.sign == .minus ? -d : d
    }

    /// Any int-like value as Double (for mixed arithmetic).
    static func toDouble(_ v: Value) throws -> Double? {
        switch v {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .object(let o):
            if let b = o as? PyBigInt { return try toDouble(b.value) }
            return nil
        default: return nil
        }
    }

    /// The integer part of a finite double, exactly.
    static func fromDouble(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        if t >= -9.2e18 && t <= 9.2e18 { return .int(Int(t)) }
        return .integer(exactBig(t))
    }

    /// The exact integer value of an integral double.
    static func exactBig(_ t: Double) -> BigInt {
        if t == 0 { return 0 }
        let mant = BigInt(t.significandBitPattern | (1 << 52))
        let e = Int(t.exponent) - 52
        let m = e >= 0 ? mant << e : mant >> (-e)
        return t < 0 ? -m : m
    }

    // MARK: power

    static func pow(_ a: Value, _ b: Value) throws -> Value {
        guard let _ = big(a), let _ = big(b) else { return notImplementedValue }
        if let y = small(b), y < 0 {
            let base = try toDouble(a)!
            if base == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            return try FloatMath.pow(base, Double(y))
        }
        if let x = small(a), let y = small(b) {
            var result = 1, base = x, e = y, ok = true
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { ok = false; break }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { ok = false; break }
                    base = sq
                }
            }
            if ok { return .int(result) }
        }
        let x = big(a)!, y = big(b)!
        if y.sign == .minus {
            let base = try toDouble(x)
            if base == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            return try FloatMath.pow(base, try toDouble(y))
        }
        guard let ey = Int(exactly: y) else {
            if x == 0 || x == 1 { return .integer(x) }
            if x == -1 { return .int(y.magnitude[bitAt: 0] ? -1 : 1) }
            throw PyError(PyBaseException(type: .memoryError))
        }
        if x.magnitude.bitWidth > 1, ey > 0, x.magnitude.bitWidth.multipliedReportingOverflow(by: ey).partialValue > 1 << 34 {
            throw PyError(PyBaseException(type: .memoryError))
        }
        return Limbs.withOperand(a) { neg, m in Limbs.make(neg && ey & 1 == 1, Limbs.pow(m, ey)) }!
    }

    /// `pow(a, b, m)` for ints.
    static func powMod(_ a: Value, _ b: Value, _ m: Value) throws -> Value {
        guard let x = big(a), let y = big(b), let md = big(m) else {
            throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
        }
        if md.isZero { throw PyError.value("pow() 3rd argument cannot be 0") }
        let mm = BigInt(md.magnitude)
        var base = x.modulus(mm)
        var e = y
        if e.sign == .minus {
            guard let inv = modInverse(base, mm) else {
                throw PyError.value("base is not invertible for the given modulus")
            }
            base = inv
            e = -e
        }
        var r: BigInt
        if mm == 1 { r = 0 } else { r = powModMagnitudes(base.magnitude, e.magnitude, mm.magnitude) }
        if md.sign == .minus && !r.isZero { r += md }
        return .integer(r)
    }

    /// `base ** exp % m` for `base < m`, `m > 1`, on limbs.
    static func powModMagnitudes(_ base: BigUInt, _ exp: BigUInt, _ m: BigUInt) -> BigInt {
        var bw = Array(base.words), ew = Array(exp.words), mw = Array(m.words)
        Limbs.trim(&bw); Limbs.trim(&ew); Limbs.trim(&mw)
        return BigInt(sign: .plus, magnitude: BigUInt(words: Limbs.powMod(bw, ew, mw)))
    }

    static func modInverse(_ a: BigInt, _ m: BigInt) -> BigInt? {
        var (oldR, r) = (a, m)
        var (oldS, s) = (BigInt(1), BigInt(0))
        while !r.isZero {
            let q = floorDivMod(oldR, r).0
            (oldR, r) = (r, oldR - q * r)
            (oldS, s) = (s, oldS - q * s)
        }
        if oldR != 1 && oldR != -1 { return nil }
        return (oldR == 1 ? oldS : -oldS).modulus(m)
    }

    // MARK: bitwise

    static func negate(_ a: Value) -> Value {
        if let x = small(a), x != Int.min { return .int(-x) }
        return .integer(-big(a)!)
    }

    static func invert(_ a: Value) -> Value {
        if let x = small(a) { return .int(~x) }
        return .integer(-big(a)! - 1)
    }

    static func abs(_ a: Value) -> Value {
        if let x = small(a), x != Int.min { return .int(Swift.abs(x)) }
        let b = big(a)!
        return .integer(b.sign == .minus ? -b : b)
    }

    enum BitOp { case and, or, xor }

    static func bitwise(_ op: BitOp, _ a: Value, _ b: Value) -> Value {
        if let x = small(a), let y = small(b) {
            switch op {
            case .and: return .int(x & y)
            case .or: return .int(x | y)
            case .xor: return .int(x ^ y)
            }
        }
        if let r = Limbs.withOperands(a, b, { an, am, bn, bm -> Value? in
            // Non-negative operands: the magnitudes are the two's-complement words.
            guard !an || am.isEmpty, !bn || bm.isEmpty else { return nil }
            let (long, short) = am.count >= bm.count ? (am, bm) : (bm, am)
            let n = op == .and ? short.count : long.count
            return Limbs.make(false, Limbs.build(n) { r in
                for i in 0..<short.count {
                    switch op {
                    case .and: r[i] = long[i] & short[i]
                    case .or: r[i] = long[i] | short[i]
                    case .xor: r[i] = long[i] ^ short[i]
                    }
                }
                var i = short.count
                while i < n { r[i] = long[i]; i += 1 }
                return n
            })
        }), let v = r { return v }
        guard let x = big(a), let y = big(b) else { return notImplementedValue }
        let n = Swift.max(x.magnitude.words.count, y.magnitude.words.count) + 1
        let wx = twos(x, n), wy = twos(y, n)
        var r = [UInt](repeating: 0, count: n)
        for i in 0..<n {
            switch op {
            case .and: r[i] = wx[i] & wy[i]
            case .or: r[i] = wx[i] | wy[i]
            case .xor: r[i] = wx[i] ^ wy[i]
            }
        }
        return .integer(fromTwos(r))
    }

    /// Two's-complement words of `x` over `n` words (n larger than the magnitude's word count).
    private static func twos(_ x: BigInt, _ n: Int) -> [UInt] {
        var w = [UInt](repeating: 0, count: n)
        let mw = Array(x.magnitude.words)
        for i in 0..<mw.count { w[i] = mw[i] }
        if x.sign == .minus && !x.isZero {
            var carry = true
            for i in 0..<n {
                let inv = ~w[i]
                if carry { let (s, o) = inv.addingReportingOverflow(1); w[i] = s; carry = o } else { w[i] = inv }
            }
        }
        return w
    }

    private static func fromTwos(_ w: [UInt]) -> BigInt {
        let negative = (w.last ?? 0) >> (UInt.bitWidth - 1) == 1
        if !negative { return BigInt(sign: .plus, magnitude: BigUInt(words: w)) }
        var m = w
        var carry = true
        for i in 0..<m.count {
            let inv = ~m[i]
            if carry { let (s, o) = inv.addingReportingOverflow(1); m[i] = s; carry = o } else { m[i] = inv }
        }
        return BigInt(sign: .minus, magnitude: BigUInt(words: m))
    }

    /// A shift count: nil when `b` is not an int, Int.max when it does not fit in `Int`.
    private static func shiftCount(_ b: Value) throws -> Int? {
        switch b {
        case .int(let n):
            if n < 0 { throw PyError.value("negative shift count") }
            return n
        case .bool(let v): return v ? 1 : 0
        default:
            guard let y = big(b) else { return nil }
            if y.sign == .minus { throw PyError.value("negative shift count") }
            return Int(exactly: y) ?? Int.max
        }
    }

    static func lshift(_ a: Value, _ b: Value) throws -> Value {
        guard Limbs.isIntLike(a), let n = try shiftCount(b) else { return notImplementedValue }
        if let s = small(a), s == 0 { return .int(0) }
        guard n < (1 << 40) else { throw PyError.overflow("too many digits in integer") }
        if let s = small(a), n < 63 {
            let r = s << n
            if r >> n == s { return .int(r) }
        }
        return Limbs.withOperand(a) { neg, m in Limbs.make(neg, Limbs.shiftLeft(m, n)) }!
    }

    static func rshift(_ a: Value, _ b: Value) throws -> Value {
        guard Limbs.isIntLike(a), let n = try shiftCount(b) else { return notImplementedValue }
        if let s = small(a) { return .int(n >= 64 ? (s < 0 ? -1 : 0) : s >> n) }
        return Limbs.withOperand(a) { neg, m -> Value in
            if neg {
                // floor(x / 2^n) = -((|x| - 1) >> n) - 1
                let m1 = Limbs.withOperand(.int(1)) { _, one in Limbs.sub(m, one) }!
                let sh = m1.withUnsafeBufferPointer { Limbs.shiftRight($0, n) }
                return Limbs.make(true, sh.withUnsafeBufferPointer { s in Limbs.withOperand(.int(1)) { _, one in Limbs.add(s, one) }! })
            }
            return Limbs.make(false, Limbs.shiftRight(m, n))
        }!
    }

    // MARK: comparison

    static func compareInts(_ a: Value, _ b: Value) -> Int? {
        if let x = small(a), let y = small(b) { return x < y ? -1 : (x == y ? 0 : 1) }
        return Limbs.withOperands(a, b) { an, am, bn, bm in compareSigned(an, am, bn, bm) }
    }

    /// Exact comparison of an integer with a double: -1, 0, 1, or nil when `d` is NaN.
    static func compare(_ x: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let fl = d.rounded(.down)
        let fb = exactBig(fl)
        if x < fb { return -1 }
        if x > fb { return 1 }
        return fl == d ? 0 : -1
    }

    static func compareSmall(_ x: Int, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if let dx = Double(exactly: x) { return dx < d ? -1 : (dx == d ? 0 : 1) }
        return compare(BigInt(x), d)
    }

    // MARK: text

    static func toString(_ v: Value) throws -> String {
        switch v {
        case .int(let n): return String(n)
        case .bool(let b): return b ? "1" : "0"
        case .object(let o as PyBigInt):
            let digits: [UInt8] = try o.limbs.withUnsafeBufferPointer { m in
                // 4300 decimal digits: CPython's int_max_str_digits limit. 2^14290 > 10^4301.
                let bits = Limbs.bitWidth(m)
                let limit = PyError.value("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
                if bits > 14290 { throw limit }
                let d = Limbs.decimal(m)
                if d.count > 4300 { throw limit }
                return d
            }
            return (o.negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
        default: return ""
        }
    }

    /// `bin`/`oct`/`hex` style text with prefix (`-0x1f`).
    static func toBase(_ b: BigInt, _ radix: Int, prefix: String, uppercase: Bool = false) -> String {
        let digits = String(b.magnitude, radix: radix, uppercase: uppercase)
        return (b.sign == .minus && !b.isZero ? "-" : "") + prefix + digits
    }
}
