import BigInt

/// MT19937 exactly as CPython's Modules/_randommodule.c: seeding (`init_genrand`, `init_by_array`,
/// `random_seed`), `genrand_uint32`, `random()` and `getrandbits(k)`, so seeded sequences match.
/// Not thread-safe by itself: `PyRandom` serializes access with a lock.
struct MersenneTwister {
    static let n = 624
    static let m = 397
    private static let matrixA: UInt32 = 0x9908b0df
    private static let upperMask: UInt32 = 0x80000000
    private static let lowerMask: UInt32 = 0x7fffffff

    var state = [UInt32](repeating: 0, count: MersenneTwister.n)
    var index = MersenneTwister.n + 1

    mutating func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<Self.n {
            state[i] = 1812433253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    mutating func initByArray(_ key: [UInt32]) {
        initGenrand(19650218)
        var i = 1, j = 0
        let keyLength = key.count
        var k = max(Self.n, keyLength)
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= keyLength { j = 0 }
            k -= 1
        }
        k = Self.n - 1
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            k -= 1
        }
        state[0] = 0x80000000
    }

    /// `random_seed` for an int: the 32-bit chunks of |n|, least significant first.
    mutating func seed(magnitude: BigUInt) {
        var key: [UInt32] = []
        for w in magnitude.words {
            key.append(UInt32(truncatingIfNeeded: w))
            key.append(UInt32(truncatingIfNeeded: UInt64(w) >> 32))
        }
        let bits = magnitude.bitWidth
        let keyUsed = bits == 0 ? 1 : (bits - 1) / 32 + 1
        while key.count < keyUsed { key.append(0) }
        initByArray(Array(key.prefix(keyUsed)))
    }

    mutating func next32() -> UInt32 {
        if index >= Self.n {
            var kk = 0
            while kk < Self.n - Self.m {
                let y = (state[kk] & Self.upperMask) | (state[kk + 1] & Self.lowerMask)
                state[kk] = state[kk + Self.m] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.matrixA)
                kk += 1
            }
            while kk < Self.n - 1 {
                let y = (state[kk] & Self.upperMask) | (state[kk + 1] & Self.lowerMask)
                state[kk] = state[kk + (Self.m - Self.n)] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.matrixA)
                kk += 1
            }
            let y = (state[Self.n - 1] & Self.upperMask) | (state[0] & Self.lowerMask)
            state[Self.n - 1] = state[Self.m - 1] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.matrixA)
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= (y >> 18)
        return y
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    mutating func random() -> Double {
        let a = next32() >> 5, b = next32() >> 6
        return (Double(a) * 67108864.0 + Double(b)) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for 0 ≤ k ≤ 64.
    mutating func bits64(_ k: Int) -> UInt64 {
        if k == 0 { return 0 }
        if k <= 32 { return UInt64(next32() >> (32 - k)) }
        let low = UInt64(next32())
        let high = UInt64(next32() >> (64 - k))
        return low | (high << 32)
    }

    /// `getrandbits(k)` for any k ≥ 0.
    mutating func bits(_ k: Int) -> BigInt {
        if k <= 64 { return BigInt(bits64(k)) }
        var words: [UInt32] = []
        var remaining = k
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            words.append(r)
            remaining -= 32
        }
        var limbs: [UInt] = []
        var i = 0
        while i < words.count {
            let lo = UInt(words[i]), hi = i + 1 < words.count ? UInt(words[i + 1]) : 0
            limbs.append(lo | (hi << 32))
            i += 2
        }
        return BigInt(sign: .plus, magnitude: BigUInt(words: limbs))
    }

    /// `_randbelow_with_getrandbits(n)` for 0 < n ≤ Int.max.
    mutating func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = bits64(k)
        while r >= UInt64(n) { r = bits64(k) }
        return Int(r)
    }

    /// `_randbelow_with_getrandbits(n)` for any n > 0.
    mutating func below(_ n: BigInt) -> BigInt {
        if let small = Int(exactly: n) { return BigInt(below(small)) }
        let k = n.magnitude.bitWidth
        var r = bits(k)
        while r >= n { r = bits(k) }
        return r
    }
}
