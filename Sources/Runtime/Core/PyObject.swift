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
    /// Whether the object's Python type is exactly the one with identity `id` (see `VM.functionTypeID`).
    @inline(__always) public final func hasType(_ id: ObjectIdentifier) -> Bool {
        ObjectIdentifier(_type.unsafelyUnwrapped) == id
    }

    public init(type: PyType) { self._type = type }
    /// For the metatype `type`, whose type is itself: set right after creation.
    init(uninitializedType: ()) { self._type = nil }

    /// Per-instance attribute dictionary (`__dict__`), or nil for objects without one (str, int, list …).
    open var instanceDict: PyDict? { nil }
}

/// An instance of a user-defined class (layout `object`): just a type and a `__dict__`.
public final class PyInstance: PyObject {
    public let dict: PyDict
    public init(type: PyType, dict: PyDict) { self.dict = dict; super.init(type: type) }

    /// A new instance whose `__dict__` has room for the attributes its class's instances usually get.
    public override init(type: PyType) {
        let hint = type.instanceAttributeHint.load(ordering: .relaxed)
        self.dict = hint == 0 ? PyDict() : PyDict(table: DictTable(minimumCapacity: hint))
        super.init(type: type)
    }

    /// `init(type:)` taking over a +1 reference to the type (the class's stack slot in `Cls(x)`), so
    /// making the instance costs no reference counting for its type.
    init(adoptingType type: Unmanaged<PyType>) {
        let hint = type._withUnsafeGuaranteedRef { $0.instanceAttributeHint.load(ordering: .relaxed) }
        self.dict = hint == 0 ? PyDict() : PyDict(table: DictTable(minimumCapacity: hint))
        super.init(type: type.takeRetainedValue())
    }

    public override var instanceDict: PyDict? { dict }

    deinit {
        let n = dict.count
        let t = typeRef
        t._withUnsafeGuaranteedRef { t in
            if n > t.instanceAttributeHint.load(ordering: .relaxed) && n <= DictTable.linearLimit {
                t.instanceAttributeHint.store(n, ordering: .relaxed)
            }
        }
    }
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
