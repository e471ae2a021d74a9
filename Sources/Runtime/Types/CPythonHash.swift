/// CPython 3.11's hash of `str` and `bytes` under `PYTHONHASHSEED=0` (the setting the conformance corpus
/// is recorded with): SipHash-1-3 with a zero key over the string's internal representation (1, 2 or 4
/// bytes per code point, little-endian, chosen by the largest code point); the empty string hashes to 0.
/// With these hashes, sets of strings iterate in CPython's order (see `SetSupport.orderedElements`).
///
/// Not wired in by default: `Hashing.hashString` / `PyBytes.hashValue` (Objects/, owned by the VM core)
/// can call `CPythonHash.str(_:)` / `CPythonHash.bytes(_:)`.
public enum CPythonHash {
    @inline(__always) private static func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }

    /// SipHash-1-3, key (0, 0), as CPython's `siphash13`.
    public static func siphash13<C: Collection>(_ data: C) -> UInt64 where C.Element == UInt8 {
        var v0: UInt64 = 0x736f6d6570736575, v1: UInt64 = 0x646f72616e646f6d
        var v2: UInt64 = 0x6c7967656e657261, v3: UInt64 = 0x7465646279746573
        @inline(__always) func round() {
            v0 = v0 &+ v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
            v2 = v2 &+ v3; v3 = rotl(v3, 16); v3 ^= v2
            v0 = v0 &+ v3; v3 = rotl(v3, 21); v3 ^= v0
            v2 = v2 &+ v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
        }
        let n = data.count
        var b = UInt64(truncatingIfNeeded: n) << 56
        var word: UInt64 = 0, shift: UInt64 = 0
        for byte in data {
            word |= UInt64(byte) << shift
            shift += 8
            if shift == 64 {
                v3 ^= word; round(); v0 ^= word
                word = 0; shift = 0
            }
        }
        b |= word
        v3 ^= b; round(); v0 ^= b
        v2 ^= 0xff
        round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    private static func finish(_ h: UInt64) -> Int {
        let r = Int(Int64(bitPattern: h))
        return r == -1 ? -2 : r
    }

    /// `hash(s)` for a str.
    public static func str(_ s: String) -> Int {
        if s.isEmpty { return 0 }
        var maxScalar: UInt32 = 0
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return finish(siphash13(s.utf8)) }
        for u in s.unicodeScalars where u.value > maxScalar { maxScalar = u.value }
        var bytes: [UInt8] = []
        if maxScalar < 0x100 {
            bytes.reserveCapacity(s.unicodeScalars.count)
            for u in s.unicodeScalars { bytes.append(UInt8(u.value)) }
        } else if maxScalar < 0x10000 {
            for u in s.unicodeScalars { bytes.append(UInt8(u.value & 0xff)); bytes.append(UInt8(u.value >> 8)) }
        } else {
            for u in s.unicodeScalars {
                var v = u.value
                for _ in 0..<4 { bytes.append(UInt8(v & 0xff)); v >>= 8 }
            }
        }
        return finish(siphash13(bytes))
    }

    /// `hash(b)` for bytes.
    public static func bytes(_ b: [UInt8]) -> Int {
        if b.isEmpty { return 0 }
        return finish(siphash13(b))
    }
}
