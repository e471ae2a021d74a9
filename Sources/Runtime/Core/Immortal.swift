/// Makes long-lived runtime objects immortal in Swift's reference counting, the way the Swift runtime
/// treats its own statically allocated objects (the empty-array singleton): `swift_retain` and
/// `swift_release` then return after one load, without an atomic write. Every attribute lookup, global
/// load and method call retains interned names and builtin types, and an atomic refcount update waits
/// for the CPU's store buffer to drain.
///
/// The refcount word's "immortal" bit pattern is runtime-internal, so it is not hard-coded: it is read
/// from the empty-array singleton at startup and used only if it has the shape this code expects
/// (slow-RC bit set, inline immortal bits all ones); otherwise `make` does nothing. Only objects that
/// live as long as the process anyway are made immortal (interned strings, builtin types), and only
/// right after creation, before another thread can see them.
enum Immortal {
    /// The refcount word of an immortal object, or nil if the runtime's layout is not the expected one.
    static let pattern: UInt64? = {
        let empty: [Int] = []
        let storage = unsafeBitCast(empty, to: UnsafeRawPointer.self)
        let bits = storage.load(fromByteOffset: MemoryLayout<UnsafeRawPointer>.size, as: UInt64.self)
        let useSlowRC: UInt64 = 1 << 63
        guard MemoryLayout<UnsafeRawPointer>.size == 8, bits & useSlowRC != 0,
              bits & 0xFFFF_FFFF == 0xFFFF_FFFF else { return nil }
        return bits
    }()

    /// Makes `object` immortal: it is never deallocated and retain/release no longer touch it.
    static func make(_ object: AnyObject) {
        guard let bits = pattern else { return }
        let p = Unmanaged.passUnretained(object).toOpaque()
        p.storeBytes(of: bits, toByteOffset: MemoryLayout<UnsafeRawPointer>.size, as: UInt64.self)
    }

    /// Whether `object` is immortal (for tests).
    static func isImmortal(_ object: AnyObject) -> Bool {
        guard let bits = pattern else { return false }
        let p = Unmanaged.passUnretained(object).toOpaque()
        return p.load(fromByteOffset: MemoryLayout<UnsafeRawPointer>.size, as: UInt64.self) == bits
    }
}
