/// Small strings built in place. Swift keeps a string of up to 15 UTF-8 bytes inside the `String` value
/// itself: the bytes in order in its two words, the last byte holding a discriminator (0xE0 for an
/// all-ASCII small string, 0xA0 otherwise) ORed with the length. `String(unsafeUninitializedCapacity:)`
/// builds one too, but validates the bytes and takes a general path (about a hundred instructions, a
/// fifth of `s.split()`). The layout is the standard library's, not a language guarantee, so it is
/// checked against strings made the ordinary way when the runtime starts (`RuntimeSetup`), and
/// `enabled` stays false (everything takes the ordinary path) if any differs.
enum SmallString {
    static let capacity = 15
    nonisolated(unsafe) static var enabled = false

    @inline(__always)
    static func make(_ n: Int, ascii: Bool, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { fill($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        words.1 |= UInt64((ascii ? 0xE0 : 0xA0) | n) << 56
        return unsafeBitCast(words, to: String.self)
    }

    /// Turns `enabled` on if strings built by `make` equal ordinary ones, byte for byte and as Strings.
    static func configure() {
        guard MemoryLayout<String>.size == 16 else { return }
        let samples: [[UInt8]] = (0...capacity).map { Array("abcdefghijklmnopq".utf8.prefix($0)) }
            + [[0xC3, 0xA9], Array("x\u{e9}y".utf8), [0x00, 0x41], Array("\u{4e2d}\u{6587}".utf8)]
        for bytes in samples {
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            let built = make(bytes.count, ascii: ascii) { q in
                for (i, b) in bytes.enumerated() { q[i] = b }
            }
            let ordinary = String(decoding: bytes, as: UTF8.self)
            guard built == ordinary, built.utf8.count == bytes.count, Array(built.utf8) == bytes,
                  built.unicodeScalars.count == ordinary.unicodeScalars.count,
                  unsafeBitCast(built, to: (UInt64, UInt64).self) == unsafeBitCast(ordinary, to: (UInt64, UInt64).self)
            else { return }
        }
        enabled = true
    }
}
