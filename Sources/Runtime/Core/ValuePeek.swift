/// Reading the object a stack slot holds without copying the `Value`. Pattern-matching
/// `case .object(let o) = slots[i]` in the eval loop's fast paths makes Swift retain `o` (it cannot
/// prove the slot is not overwritten while `o` is in use), which costs two atomic operations per test.
/// These helpers read the enum's bytes instead: Swift lays out `Value` as an 8-byte payload followed by
/// a one-byte case tag. The layout is not a language guarantee, so it is verified once when the runtime
/// starts (`RuntimeSetup` calls `verifyRawLayout`) and by a unit test; a toolchain that changed it stops
/// with a clear message instead of misreading memory.
extension Value {
    /// The tag byte of `.object` (cases with payloads are numbered in declaration order: bool, int,
    /// float, object).
    @usableFromInline static let objectTagByte: UInt8 = 3
    @usableFromInline static let tagOffset = 8

    /// The object in `*p` as an unretained reference, or nil when `*p` is not `.object`. Valid only while
    /// the slot keeps holding it.
    @inline(__always)
    public static func peekObject(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<PyObject>? {
        let raw = UnsafeRawPointer(p)
        guard raw.load(fromByteOffset: tagOffset, as: UInt8.self) == objectTagByte else { return nil }
        return Unmanaged.fromOpaque(raw.load(as: UnsafeRawPointer.self))
    }

    /// `peekObject` for a read-only pointer.
    @inline(__always)
    public static func peekObject(_ p: UnsafePointer<Value>) -> Unmanaged<PyObject>? {
        peekObject(UnsafeMutablePointer(mutating: p))
    }

    /// `peekInt` for a read-only pointer.
    @inline(__always)
    public static func peekInt(_ p: UnsafePointer<Value>) -> Int? {
        peekInt(UnsafeMutablePointer(mutating: p))
    }

    /// The tag byte of `.int`.
    @usableFromInline static let intTagByte: UInt8 = 1

    /// The int in `*p`, or nil when `*p` is not `.int` (read without copying the `Value`).
    @inline(__always)
    public static func peekInt(_ p: UnsafeMutablePointer<Value>) -> Int? {
        let raw = UnsafeRawPointer(p)
        guard raw.load(fromByteOffset: tagOffset, as: UInt8.self) == intTagByte else { return nil }
        return raw.load(as: Int.self)
    }

    /// The tag byte of `.float`.
    @usableFromInline static let floatTagByte: UInt8 = 2

    /// The float in `*p`, or nil when `*p` is not `.float` (read without copying the `Value`).
    @inline(__always)
    public static func peekFloat(_ p: UnsafeMutablePointer<Value>) -> Double? {
        let raw = UnsafeRawPointer(p)
        guard raw.load(fromByteOffset: tagOffset, as: UInt8.self) == floatTagByte else { return nil }
        return raw.load(as: Double.self)
    }

    /// Writes `.object(o)` into `p` as a bitwise copy that owns no reference: `o` is not retained, so the
    /// slot must never be deinitialized or assigned (drop it as raw memory), and it is valid only while
    /// another reference keeps `o` alive. For lending a value to a call (`Args(borrowing:)`).
    @inline(__always)
    public static func initializeBorrowed(_ p: UnsafeMutablePointer<Value>, _ o: Unmanaged<PyObject>) {
        store(o, tag: objectTagByte, at: p)
    }

    /// Writes `o` and `tag` into the slot at `p` as raw bytes (no reference counting).
    @inline(__always)
    private static func store(_ o: Unmanaged<PyObject>, tag: UInt8, at p: UnsafeMutablePointer<Value>) {
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: o.toOpaque(), as: UnsafeMutableRawPointer.self)
        raw.storeBytes(of: tag, toByteOffset: tagOffset, as: UInt8.self)
    }

    /// The tag byte of a lent stack slot (`LOAD_FAST_BORROW`): an object reference that owns no
    /// reference count, kept alive by the local it was read from. No `Value` case has this tag, so
    /// `drop`/`release` (and with them exception unwinding and frame clearing) leave such slots alone;
    /// only `CALL_BORROWED` reads them, through the helpers below. Never read one as a `Value`.
    @usableFromInline static let lentTagByte: UInt8 = 0x7F

    /// Writes a lent slot for `o` at `p` (uninitialized).
    @inline(__always)
    static func initializeLent(_ p: UnsafeMutablePointer<Value>, _ o: Unmanaged<PyObject>) {
        store(o, tag: lentTagByte, at: p)
    }

    /// The object in a slot that is `.object` or lent, unretained; nil for anything else.
    @inline(__always)
    static func peekObjectOrLent(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<PyObject>? {
        let raw = UnsafeRawPointer(p)
        let tag = raw.load(fromByteOffset: tagOffset, as: UInt8.self)
        guard tag == objectTagByte || tag == lentTagByte else { return nil }
        return Unmanaged.fromOpaque(raw.load(as: UnsafeRawPointer.self))
    }

    /// Whether the slot at `p` is lent.
    @inline(__always)
    static func isLent(_ p: UnsafeMutablePointer<Value>) -> Bool {
        UnsafeRawPointer(p).load(fromByteOffset: tagOffset, as: UInt8.self) == lentTagByte
    }

    /// Retags a slot between lent and `.object` without touching the reference count: a lent slot
    /// tagged `.object` is a borrowed `Value` (see `initializeBorrowed`) for the length of a call.
    @inline(__always)
    static func retag(_ p: UnsafeMutablePointer<Value>, lent: Bool) {
        UnsafeMutableRawPointer(p).storeBytes(of: lent ? lentTagByte : objectTagByte, toByteOffset: tagOffset, as: UInt8.self)
    }

    /// Copies the value at `src` into the uninitialized slot `dst`: a bitwise copy, plus a retain unless
    /// the object is immortal (its refcount word is `Immortal.pattern`). Copying a `Value` the usual way
    /// calls `swift_retain` even for immortal objects, which then returns without writing.
    @inline(__always)
    static func initializeCopy(_ dst: UnsafeMutablePointer<Value>, from src: UnsafeMutablePointer<Value>) {
        UnsafeMutableRawPointer(dst).copyMemory(from: src, byteCount: tagOffset + 1)
        if let o = peekObject(src), !isImmortal(o) { _ = o.retain() }
    }

    /// Whether `o`'s refcount word is the immortal pattern (see `Immortal`).
    @inline(__always)
    static func isImmortal<T: AnyObject>(_ o: Unmanaged<T>) -> Bool {
        UnsafeRawPointer(o.toOpaque()).load(fromByteOffset: MemoryLayout<UnsafeRawPointer>.size, as: UInt64.self) == immortalBits
    }

    /// `Immortal.pattern`, or a value no refcount word has when the runtime's layout is not the expected
    /// one (then every object is retained). A plain global, not a lazily initialized static: set once
    /// by `RuntimeSetup` before any Python code runs.
    nonisolated(unsafe) static var immortalBits: UInt64 = 0

    /// Deinitializes the value at `p` (the slot is uninitialized memory afterwards): releases its object,
    /// if any, with a direct `swift_release`. `deinitialize(count: 1)` compiles to an outlined destroy
    /// that reaches the release through the type's value-witness table (three calls, one indirect) on
    /// every pop and frame clear; an object reference is the only thing a `Value` owns.
    /// An immortal object (builtin functions and types, interned strings) is not released at all: the
    /// refcount word is read here, which `swift_release` would read anyway, and the call skipped.
    @inline(__always)
    public static func drop(_ p: UnsafeMutablePointer<Value>) {
        if let o = peekObject(p), !isImmortal(o) { o.release() }
    }

    /// `p.pointee = v` for an initialized slot: the old value released with `drop`, the slot then
    /// initialized. Assignment compiles to the outlined destroy of the old value (a call through the
    /// value-witness table) on the eval loop's stores.
    @inline(__always)
    public static func assign(_ p: UnsafeMutablePointer<Value>, _ v: consuming Value) {
        drop(p)
        p.initialize(to: v)
    }

    /// Deinitializes `count` values at `p` (see `drop`), touching only the objects. `deinitialize(count:)`
    /// on a non-trivial type goes through the runtime's generic array destroy (a value-witness call per
    /// element), a visible cost when every call and return clears a frame of mostly ints.
    @inline(__always)
    public static func release(_ p: UnsafeMutablePointer<Value>, count: Int) {
        var i = 0
        while i < count {
            drop(p + i)
            i += 1
        }
    }

    /// Whether `peekObject` reads `Value`s correctly on this toolchain.
    public static func rawLayoutIsAsExpected() -> Bool {
        guard MemoryLayout<Value>.size == tagOffset + 1 else { return false }
        // `PyInstance` keeps its values in raw 8-byte words.
        guard MemoryLayout<Value>.alignment <= 8,
              MemoryLayout<PyInstance.Values>.size >= InstanceKeys.capacity * MemoryLayout<Value>.stride else { return false }
        let probe = PyObject(type: PyType.object)
        let samples: [Value] = [.null, .none, .bool(true), .bool(false), .int(3), .int(-1), .int(Int.max),
                                .float(1.5), .float(-0.0), .object(probe)]
        let p = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        defer { p.deallocate() }
        initializeBorrowed(p, Unmanaged.passUnretained(probe))
        guard case .object(let borrowed) = p.pointee, borrowed === probe else { return false }
        for v in samples {
            p.initialize(to: v)
            defer { p.deinitialize(count: 1) }
            let peeked = peekObject(p)
            if case .int(let n) = v { guard peekInt(p) == n else { return false } } else if peekInt(p) != nil { return false }
            if case .float(let d) = v { guard peekFloat(p)?.bitPattern == d.bitPattern else { return false } } else if peekFloat(p) != nil { return false }
            if case .object(let o) = v {
                guard let u = peeked, u.toOpaque() == Unmanaged.passUnretained(o).toOpaque() else { return false }
            } else if peeked != nil {
                return false
            }
        }
        return true
    }

    static func verifyRawLayout() {
        precondition(rawLayoutIsAsExpected(),
                     "Value's in-memory layout changed with this Swift toolchain: update Value.peekObject (ValuePeek.swift)")
    }
}
