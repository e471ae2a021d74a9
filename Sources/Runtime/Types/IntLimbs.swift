import BigInt

/// An `int` too big for `Int`. Always normalized: values that fit are `Value.int`, so a `PyBigInt` is
/// never zero. The magnitude is stored as little-endian 64-bit limbs (no zero limb at the top), which
/// `Limbs` computes on directly; `value` rebuilds an attaswift `BigInt` (sharing the array) for the
/// less common operations.
public final class PyBigInt: PyObject {
    public let negative: Bool
    public let limbs: [UInt]

    public init(_ value: BigInt) {
        negative = value.sign == .minus && !value.isZero
        var w = Array(value.magnitude.words)
        Limbs.trim(&w)
        limbs = w
        super.init(type: PyType.int)
    }

    /// From a normalized magnitude that does not fit in `Int` (see `Limbs.make`).
    init(negative: Bool, limbs: [UInt]) {
        self.negative = negative
        self.limbs = limbs
        super.init(type: PyType.int)
    }

    public var value: BigInt { BigInt(sign: negative ? .minus : .plus, magnitude: BigUInt(words: limbs)) }
}

/// Arbitrary-precision arithmetic on magnitudes stored as little-endian arrays of 64-bit limbs, with
/// no zero limb at the top (zero is the empty array). The kernels work on unsafe buffers: no bounds
/// checks, no copy-on-write checks, one allocation per result. Division by one limb uses a
/// precomputed reciprocal (Möller & Granlund, "Improved division by invariant integers"); longer
/// divisors use Knuth's algorithm D.
enum Limbs {
    typealias Buf = UnsafeBufferPointer<UInt>

    @inline(__always) static func trim(_ a: inout [UInt]) {
        while let l = a.last, l == 0 { a.removeLast() }
    }

    @inline(__always) static func trimmedCount(_ p: UnsafeMutableBufferPointer<UInt>, _ n: Int) -> Int {
        var n = n
        while n > 0 && p[n - 1] == 0 { n -= 1 }
        return n
    }

    // MARK: Values

    /// Calls `body` with the sign and magnitude of an int-like value (int, bool, big int); nil for
    /// other values. Small ints lend a one-limb buffer on the stack.
    @inline(__always)
    static func withOperand<R>(_ v: Value, _ body: (Bool, Buf) throws -> R) rethrows -> R? {
        switch v {
        case .int(let n):
            var m = n.magnitude
            return try withUnsafePointer(to: &m) { p in try body(n < 0, Buf(start: p, count: n == 0 ? 0 : 1)) }
        case .bool(let b):
            var m: UInt = 1
            return try withUnsafePointer(to: &m) { p in try body(false, Buf(start: p, count: b ? 1 : 0)) }
        case .object(let o):
            guard o.isExactly(PyBigInt.self) else { return nil }
            let big = unsafeDowncast(o, to: PyBigInt.self)
            return try big.limbs.withUnsafeBufferPointer { try body(big.negative, $0) }
        default:
            return nil
        }
    }

    /// Both operands' signs and magnitudes; nil when either is not int-like.
    @inline(__always)
    static func withOperands<R>(_ a: Value, _ b: Value, _ body: (Bool, Buf, Bool, Buf) throws -> R) rethrows -> R? {
        let r: R?? = try withOperand(a) { an, am in try withOperand(b) { bn, bm in try body(an, am, bn, bm) } }
        return r ?? nil
    }

    /// Whether `v` is an int, bool or big int.
    @inline(__always) static func isIntLike(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o.isExactly(PyBigInt.self)
        default: return false
        }
    }

    /// The normalized Python value of a sign and magnitude (`mag` may have zero limbs at the top).
    static func make(_ negative: Bool, _ mag: [UInt]) -> Value {
        var n = mag.count
        while n > 0 && mag[n - 1] == 0 { n -= 1 }
        if n == 0 { return .int(0) }
        if n == 1 {
            let m = mag[0]
            if !negative && m <= UInt(Int.max) { return .int(Int(m)) }
            if negative && m <= UInt(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- m)) }
        }
        if n == mag.count { return .object(PyBigInt(negative: negative, limbs: mag)) }
        return .object(PyBigInt(negative: negative, limbs: Array(mag[0..<n])))
    }

    /// The normalized Python value of a sign and a one-limb magnitude.
    @inline(__always)
    static func make(_ negative: Bool, word m: UInt) -> Value {
        if !negative && m <= UInt(Int.max) { return .int(Int(m)) }
        if negative && m <= UInt(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- m)) }
        return .object(PyBigInt(negative: negative, limbs: [m]))
    }

    /// A result array of `count` limbs filled by `body`, which returns the used count.
    @inline(__always)
    static func build(_ count: Int, _ body: (UnsafeMutableBufferPointer<UInt>) -> Int) -> [UInt] {
        if count == 0 { return [] }
        return [UInt](unsafeUninitializedCapacity: count) { p, n in n = body(p) }
    }

    // MARK: Magnitude kernels

    static func compare(_ a: Buf, _ b: Buf) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func add(_ x: Buf, _ y: Buf) -> [UInt] {
        let (a, b) = x.count >= y.count ? (x, y) : (y, x)
        return build(a.count + 1) { r in
            // 128-bit sums compile to add/adc; comparisons for the carry compile to a branch that
            // random limbs mispredict half the time.
            var carry: UInt128 = 0
            for i in 0..<b.count {
                let t = UInt128(a[i]) &+ UInt128(b[i]) &+ carry
                r[i] = UInt(truncatingIfNeeded: t)
                carry = t &>> 64
            }
            var c = UInt(truncatingIfNeeded: carry)
            var i = b.count
            while i < a.count {
                let (s, o) = a[i].addingReportingOverflow(c)
                r[i] = s
                c = o ? 1 : 0
                i += 1
            }
            r[a.count] = c
            return c == 0 ? a.count : a.count + 1
        }
    }

    /// `a - b` for `a >= b`, trimmed.
    static func sub(_ a: Buf, _ b: Buf) -> [UInt] {
        build(a.count) { r in
            var borrow128: UInt128 = 0
            for i in 0..<b.count {
                // Wrapping 128-bit difference: the high half is all ones exactly when it borrowed.
                let t = UInt128(a[i]) &- UInt128(b[i]) &- borrow128
                r[i] = UInt(truncatingIfNeeded: t)
                borrow128 = (t &>> 64) & 1
            }
            var borrow = UInt(truncatingIfNeeded: borrow128)
            var i = b.count
            while i < a.count {
                let (d, o) = a[i].subtractingReportingOverflow(borrow)
                r[i] = d
                borrow = o ? 1 : 0
                i += 1
            }
            return trimmedCount(r, a.count)
        }
    }

    /// Above this many limbs in the shorter operand, multiplication uses Karatsuba's method.
    static let karatsubaThreshold = 40

    /// `b` without zero limbs at the top.
    @inline(__always) static func trimmed(_ b: Buf) -> Buf {
        var n = b.count
        while n > 0 && b[n - 1] == 0 { n -= 1 }
        return Buf(rebasing: b[0..<n])
    }

    /// `r[offset...] += x`; the caller guarantees the sum fits in `r`.
    static func addInto(_ r: UnsafeMutableBufferPointer<UInt>, _ x: Buf, at offset: Int) {
        var carry: UInt128 = 0
        for i in 0..<x.count {
            let t = UInt128(r[offset + i]) &+ UInt128(x[i]) &+ carry
            r[offset + i] = UInt(truncatingIfNeeded: t)
            carry = t &>> 64
        }
        var k = offset + x.count
        var c = UInt(truncatingIfNeeded: carry)
        while c != 0 && k < r.count {
            let (s, o) = r[k].addingReportingOverflow(c)
            r[k] = s
            c = o ? 1 : 0
            k += 1
        }
    }

    /// Karatsuba multiplication (`a.count >= b.count > karatsubaThreshold`, both trimmed).
    static func karatsuba(_ a: Buf, _ b: Buf) -> [UInt] {
        let n = a.count, m = b.count
        var result = [UInt](repeating: 0, count: n + m)
        result.withUnsafeMutableBufferPointer { r in
            if 2 * m <= n {
                // Unbalanced: multiply `b` by `m`-limb pieces of `a`.
                var off = 0
                while off < n {
                    let piece = trimmed(Buf(rebasing: a[off..<Swift.min(off + m, n)]))
                    let p = mul(piece, b)
                    p.withUnsafeBufferPointer { addInto(r, $0, at: off) }
                    off += m
                }
                return
            }
            // a = a1·B^h + a0, b = b1·B^h + b0 (b has more than h limbs since 2m > n).
            let h = n / 2
            let a0 = trimmed(Buf(rebasing: a[0..<h])), a1 = Buf(rebasing: a[h..<n])
            let b0 = trimmed(Buf(rebasing: b[0..<h])), b1 = Buf(rebasing: b[h..<m])
            let z0 = mul(a0, b0), z2 = mul(a1, b1)
            let sa = add(a0, a1), sb = add(b0, b1)
            var z1 = sa.withUnsafeBufferPointer { x in sb.withUnsafeBufferPointer { mul(trimmed(x), trimmed($0)) } }
            // z1 = (a0 + a1)(b0 + b1) - z0 - z2 = a0·b1 + a1·b0 >= 0.
            z1 = z1.withUnsafeBufferPointer { x in z0.withUnsafeBufferPointer { sub(x, $0) } }
            z1 = z1.withUnsafeBufferPointer { x in z2.withUnsafeBufferPointer { sub(x, $0) } }
            z0.withUnsafeBufferPointer { addInto(r, $0, at: 0) }
            z1.withUnsafeBufferPointer { addInto(r, $0, at: h) }
            z2.withUnsafeBufferPointer { addInto(r, $0, at: 2 * h) }
        }
        trim(&result)
        return result
    }

    static func mul(_ x: Buf, _ y: Buf) -> [UInt] {
        let x = trimmed(x), y = trimmed(y)
        if x.isEmpty || y.isEmpty { return [] }
        let (a, b) = x.count >= y.count ? (x, y) : (y, x)
        if b.count > karatsubaThreshold { return karatsuba(a, b) }
        let n = a.count + b.count
        return build(n) { r in
            // First row initializes, the others accumulate.
            // 128-bit products and sums: `multipliedFullWidth` with overflow flags compiles to much
            // slower code here.
            var carry: UInt128 = 0
            let b0 = UInt128(b[0])
            for i in 0..<a.count {
                let t = UInt128(a[i]) &* b0 &+ carry
                r[i] = UInt(truncatingIfNeeded: t)
                carry = t >> 64
            }
            r[a.count] = UInt(truncatingIfNeeded: carry)
            for k in a.count + 1..<n { r[k] = 0 }
            var j = 1
            while j < b.count {
                let bj = b[j]
                if bj != 0 {
                    let m = UInt128(bj)
                    var c: UInt128 = 0
                    for i in 0..<a.count {
                        let t = UInt128(a[i]) &* m &+ UInt128(r[i + j]) &+ c
                        r[i + j] = UInt(truncatingIfNeeded: t)
                        c = t >> 64
                    }
                    r[j + a.count] = UInt(truncatingIfNeeded: c)
                } else {
                    r[j + a.count] = 0
                }
                j += 1
            }
            return trimmedCount(r, n)
        }
    }

    /// The reciprocal of a normalized divisor (top bit set): floor((2^128 - 1) / d) - 2^64.
    @inline(__always) static func reciprocal(_ d: UInt) -> UInt {
        d.dividingFullWidth((~d, UInt.max)).quotient
    }

    /// (u1:u0) / d for normalized `d` and `u1 < d`, with `v = reciprocal(d)`.
    @inline(__always)
    static func div2by1(_ u1: UInt, _ u0: UInt, _ d: UInt, _ v: UInt) -> (UInt, UInt) {
        let p = UInt128(v) &* UInt128(u1) &+ UInt128(u0)
        let q0 = UInt(truncatingIfNeeded: p)
        var q1 = UInt(truncatingIfNeeded: p >> 64) &+ u1 &+ 1
        var r = u0 &- q1 &* d
        if r > q0 { q1 = q1 &- 1; r = r &+ d }
        if r >= d { q1 = q1 &+ 1; r = r &- d }
        return (q1, r)
    }

    /// `a / d` and `a % d` for one nonzero limb `d`.
    static func divModWord(_ a: Buf, _ d: UInt) -> ([UInt], UInt) {
        if a.isEmpty { return ([], 0) }
        let s = UInt(d.leadingZeroBitCount)
        let dn = d << s, v = reciprocal(dn)
        var rem: UInt = 0
        let q = build(a.count) { q in
            let top = a.count - 1
            if s == 0 {
                var r: UInt = 0
                var i = top
                while i >= 0 { (q[i], r) = div2by1(r, a[i], dn, v); i -= 1 }
                rem = r
            } else {
                var r = a[top] >> (64 - s)
                var i = top
                while i >= 0 {
                    let u0 = (a[i] << s) | (i > 0 ? a[i - 1] >> (64 - s) : 0)
                    (q[i], r) = div2by1(r, u0, dn, v)
                    i -= 1
                }
                rem = r >> s
            }
            return trimmedCount(q, a.count)
        }
        return (q, rem)
    }

    /// `a % d` for one nonzero limb `d`, without building the quotient.
    static func modWord(_ a: Buf, _ d: UInt) -> UInt {
        if a.isEmpty { return 0 }
        let s = UInt(d.leadingZeroBitCount)
        let dn = d << s, v = reciprocal(dn)
        let top = a.count - 1
        if s == 0 {
            var r: UInt = 0
            var i = top
            while i >= 0 { r = div2by1(r, a[i], dn, v).1; i -= 1 }
            return r
        }
        var r = a[top] >> (64 - s)
        var i = top
        while i >= 0 {
            let u0 = (a[i] << s) | (i > 0 ? a[i - 1] >> (64 - s) : 0)
            r = div2by1(r, u0, dn, v).1
            i -= 1
        }
        return r >> s
    }

    /// Quotient and remainder of magnitudes (`b` nonzero), both trimmed.
    static func divMod(_ a: Buf, _ b: Buf) -> ([UInt], [UInt]) {
        if compare(a, b) < 0 { return ([], Array(a)) }
        if b.count == 1 {
            let (q, r) = divModWord(a, b[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = b.count, m = a.count - n
        let s = UInt(b[n - 1].leadingZeroBitCount)
        // Normalized copies: the divisor's top bit set, the dividend one limb longer.
        var bn = [UInt](repeating: 0, count: n)
        var an = [UInt](repeating: 0, count: a.count + 1)
        if s == 0 {
            for i in 0..<n { bn[i] = b[i] }
            for i in 0..<a.count { an[i] = a[i] }
        } else {
            for i in stride(from: n - 1, to: 0, by: -1) { bn[i] = (b[i] << s) | (b[i - 1] >> (64 - s)) }
            bn[0] = b[0] << s
            an[a.count] = a[a.count - 1] >> (64 - s)
            for i in stride(from: a.count - 1, to: 0, by: -1) { an[i] = (a[i] << s) | (a[i - 1] >> (64 - s)) }
            an[0] = a[0] << s
        }
        var q = [UInt](repeating: 0, count: m + 1)
        bn.withUnsafeBufferPointer { bp in
            an.withUnsafeMutableBufferPointer { ap in
                q.withUnsafeMutableBufferPointer { qp in
                    let top = bp[n - 1], second = bp[n - 2]
                    let v = reciprocal(top)
                    var j = m
                    while j >= 0 {
                        let u2 = ap[j + n], u1 = ap[j + n - 1], u0 = ap[j + n - 2]
                        var qhat: UInt, rhat: UInt, rhatOverflow = false
                        if u2 >= top {
                            qhat = UInt.max
                            let (sum, o) = u1.addingReportingOverflow(u2)
                            rhat = sum; rhatOverflow = o
                        } else {
                            (qhat, rhat) = div2by1(u2, u1, top, v)
                        }
                        while !rhatOverflow {
                            let p = UInt128(qhat) &* UInt128(second)
                            guard p > (UInt128(rhat) << 64 | UInt128(u0)) else { break }
                            qhat &-= 1
                            let (sum, o) = rhat.addingReportingOverflow(top)
                            rhat = sum; rhatOverflow = o
                        }
                        // Multiply and subtract.
                        var borrow128: UInt128 = 0, carry: UInt128 = 0
                        let qh = UInt128(qhat)
                        for i in 0..<n {
                            let prod = qh &* UInt128(bp[i]) &+ carry
                            carry = prod &>> 64
                            let t = UInt128(ap[i + j]) &- (prod & UInt128(UInt.max)) &- borrow128
                            ap[i + j] = UInt(truncatingIfNeeded: t)
                            borrow128 = (t &>> 64) & 1
                        }
                        let borrow = UInt(truncatingIfNeeded: borrow128)
                        let carryWord = UInt(truncatingIfNeeded: carry)
                        let (t1, o1) = ap[j + n].subtractingReportingOverflow(carryWord)
                        let (t2, o2) = t1.subtractingReportingOverflow(borrow)
                        ap[j + n] = t2
                        if o1 || o2 {
                            // qhat was one too large: add the divisor back.
                            qhat &-= 1
                            var c: UInt = 0
                            for i in 0..<n {
                                let (s1, p1) = ap[i + j].addingReportingOverflow(bp[i])
                                let (s2, p2) = s1.addingReportingOverflow(c)
                                ap[i + j] = s2
                                c = (p1 ? 1 : 0) &+ (p2 ? 1 : 0)
                            }
                            ap[j + n] &+= c
                        }
                        qp[j] = qhat
                        j -= 1
                    }
                }
            }
        }
        trim(&q)
        // Remainder: the low n limbs of the dividend, shifted back.
        var r = [UInt](repeating: 0, count: n)
        if s == 0 {
            for i in 0..<n { r[i] = an[i] }
        } else {
            for i in 0..<n { r[i] = (an[i] >> s) | (an[i + 1] << (64 - s)) }
        }
        trim(&r)
        return (q, r)
    }

    static func shiftLeft(_ a: Buf, _ bits: Int) -> [UInt] {
        if a.isEmpty { return [] }
        let limbShift = bits / 64, s = UInt(bits % 64)
        let n = a.count + limbShift + 1
        return build(n) { r in
            for i in 0..<limbShift { r[i] = 0 }
            if s == 0 {
                for i in 0..<a.count { r[i + limbShift] = a[i] }
                r[n - 1] = 0
            } else {
                var prev: UInt = 0
                for i in 0..<a.count {
                    r[i + limbShift] = (a[i] << s) | (prev >> (64 - s))
                    prev = a[i]
                }
                r[n - 1] = prev >> (64 - s)
            }
            return trimmedCount(r, n)
        }
    }

    static func shiftRight(_ a: Buf, _ bits: Int) -> [UInt] {
        let limbShift = bits / 64, s = UInt(bits % 64)
        if limbShift >= a.count { return [] }
        let n = a.count - limbShift
        return build(n) { r in
            if s == 0 {
                for i in 0..<n { r[i] = a[i + limbShift] }
            } else {
                for i in 0..<n {
                    let hi = i + limbShift + 1 < a.count ? a[i + limbShift + 1] << (64 - s) : 0
                    r[i] = (a[i + limbShift] >> s) | hi
                }
            }
            return trimmedCount(r, n)
        }
    }

    static func bitWidth(_ a: Buf) -> Int {
        a.isEmpty ? 0 : a.count * 64 - a[a.count - 1].leadingZeroBitCount
    }

    static func pow(_ a: Buf, _ e: Int) -> [UInt] {
        var result: [UInt] = [1]
        var base = Array(a)
        var e = e
        while e > 0 {
            if e & 1 == 1 {
                result = result.withUnsafeBufferPointer { r in base.withUnsafeBufferPointer { mul(r, $0) } }
            }
            e >>= 1
            if e > 0 { base = base.withUnsafeBufferPointer { mul($0, $0) } }
        }
        return result
    }

    /// `base ** exp % m` for `base < m` and `m > 1`: right-to-left binary exponentiation.
    static func powMod(_ base: [UInt], _ exp: [UInt], _ m: [UInt]) -> [UInt] {
        var result: [UInt] = [1]
        var b = base
        m.withUnsafeBufferPointer { mp in
            func mulMod(_ x: [UInt], _ y: [UInt]) -> [UInt] {
                let p = x.withUnsafeBufferPointer { xp in y.withUnsafeBufferPointer { mul(xp, $0) } }
                return p.withUnsafeBufferPointer { divMod($0, mp).1 }
            }
            for (k, word) in exp.enumerated() {
                let last = k == exp.count - 1
                let bits = last ? 64 - word.leadingZeroBitCount : 64
                var w = word
                for bit in 0..<bits {
                    if w & 1 == 1 { result = mulMod(result, b) }
                    w >>= 1
                    if !(last && bit == bits - 1) { b = mulMod(b, b) }
                }
            }
        }
        return result
    }

    /// Decimal digits of a magnitude: repeated division by 10^19 (quadratic, like CPython below
    /// its 4300-digit limit).
    static func decimal(_ a: Buf) -> [UInt8] {
        if a.isEmpty { return [UInt8(ascii: "0")] }
        let chunk: UInt = 10_000_000_000_000_000_000  // 10^19 > 2^63: already normalized
        let v = reciprocal(chunk)
        var work = Array(a)
        var parts: [UInt] = []
        parts.reserveCapacity(a.count * 64 / 63 + 1)
        work.withUnsafeMutableBufferPointer { w in
            var n = w.count
            while n > 0 {
                var r: UInt = 0
                var i = n - 1
                while i >= 0 { (w[i], r) = div2by1(r, w[i], chunk, v); i -= 1 }
                parts.append(r)
                while n > 0 && w[n - 1] == 0 { n -= 1 }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(parts.count * 19)
        var digits = [UInt8](repeating: 0, count: 19)
        for (k, part) in parts.reversed().enumerated() {
            var p = part
            var len = 0
            repeat { digits[len] = UInt8(truncatingIfNeeded: p % 10) &+ 48; p /= 10; len += 1 } while p != 0
            if k > 0 { while len < 19 { digits[len] = 48; len += 1 } }
            var i = len - 1
            while i >= 0 { out.append(digits[i]); i -= 1 }
        }
        return out
    }

    /// The magnitude modulo 2^61 - 1 (CPython's numeric hash).
    static func hashMod(_ a: Buf) -> UInt {
        let p = UInt(Hashing.modulus)
        var r: UInt = 0
        var i = a.count - 1
        while i >= 0 {
            // r * 2^64 + limb, with 2^64 ≡ 8 (mod 2^61 - 1).
            r = (r << 3) % p
            r = (r + a[i] % p) % p
            i -= 1
        }
        return r
    }
}
