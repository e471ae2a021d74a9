import Synchronization

/// The base of every heap-allocated Python object. Its Python type never changes after creation.
open class PyObject: @unchecked Sendable {
    @usableFromInline var _type: PyType?

    /// Python's `type(obj)`.
    @inline(__always) public final var type: PyType { _type.unsafelyUnwrapped }
    /// The type as an unretained reference, for fast paths: used through `_withUnsafeGuaranteedRef`, it
    /// is not retained even across calls the optimizer cannot see into (the type outlives its instances).
    @inline(__always) public final var typeRef: Unmanaged<PyType> { Unmanaged.passUnretained(_type.unsafelyUnwrapped) }
    /// Whether the object is exactly of Swift class `cls` (a metadata compare: no dynamic cast, no retain),
    /// for fast paths that then `unsafeDowncast`.
    @inline(__always) public final func isExactly<T: PyObject>(_ cls: T.Type) -> Bool {
        ObjectIdentifier(Swift.type(of: self)) == ObjectIdentifier(cls)
    }
    /// Whether the object is exactly of the Swift class with identity `cls` (see `VM.listIteratorClass`):
    /// `isExactly(_:)` with the class cached, for the hottest checks.
    @inline(__always) public final func isExactly(_ cls: ObjectIdentifier) -> Bool {
        ObjectIdentifier(Swift.type(of: self)) == cls
    }
    /// Whether the object's Python type is exactly the one with identity `id` (see `VM.functionTypeID`).
    @inline(__always) public final func hasType(_ id: ObjectIdentifier) -> Bool {
        ObjectIdentifier(_type.unsafelyUnwrapped) == id
    }

    public init(type: PyType) { self._type = type }
    /// For the metatype `type`, whose type is itself: set right after creation.
    init(uninitializedType: ()) { self._type = nil }

    /// Per-instance attribute dictionary (`__dict__`), or nil for objects without one (str, int, list …).
    /// For a `PyInstance` this makes the dict (see there): code that only reads attributes uses the
    /// accessors below, which do not.
    open var instanceDict: PyDict? { nil }

    /// The attribute `name` from the object's `__dict__`, or nil (also when it has none).
    open func instanceAttribute(_ name: PyStr) -> Value? { instanceDict?.getStr(name) }

    /// Stores `name` in the object's `__dict__`; false when the object has none.
    open func setInstanceAttribute(_ name: PyStr, _ value: Value) -> Bool {
        guard let d = instanceDict else { return false }
        d.setStr(name, value)
        return true
    }

    /// Removes `name` from the object's `__dict__`, returning its value; nil when absent or no dict.
    open func deleteInstanceAttribute(_ name: PyStr) -> Value? { instanceDict?.deleteStr(name) }

    /// The `__dict__`'s items (a snapshot), or nil when the object has none.
    open var instanceAttributeItems: [(Value, Value)]? { instanceDict?.items }
}

/// A tiny mutex wrapper usable as a stored property of a class (Synchronization's `Mutex` is
/// non-copyable; this keeps call sites short). Never call back into Python while holding one.
public final class ObjectLock: @unchecked Sendable {
    private let m = Locked<Void>(())
    public init() {}
    @inline(__always) public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        try m.withLock { _ in try body() }
    }
}
