import BigInt

/// A Python value. Small ints, floats, bools and None are stored inline (no allocation, no ARC);
/// everything else is a `PyObject`. Ints that do not fit in `Int` are `PyBigInt` objects, and every
/// big-int result that fits again is normalized back to `.int` (see `Value.integer(_:)`).
///
/// `.null` is the VM's internal "no value" marker (an unbound local, the empty slot of a CALL); Python code
/// never sees it.
public enum Value: @unchecked Sendable {
    case null
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case object(PyObject)

    @inline(__always) public var isNull: Bool { if case .null = self { return true }; return false }
    @inline(__always) public var isNone: Bool { if case .none = self { return true }; return false }

    /// The object payload, or nil for inline values.
    @inline(__always) public var asObject: PyObject? { if case .object(let o) = self { return o }; return nil }

    /// The object payload as an unretained reference (valid while this value is), or nil.
    @inline(__always) public var unretainedObject: Unmanaged<PyObject>? {
        if case .object(let o) = self { return Unmanaged.passUnretained(o) }
        return nil
    }

    /// Python's `type(v)`.
    public var type: PyType {
        switch self {
        case .int: return PyType.int
        case .float: return PyType.float
        case .bool: return PyType.bool
        case .none: return PyType.noneType
        case .object(let o): return o.type
        case .null: return PyType.noneType
        }
    }

    public var typeName: String { type.name }

    /// Normalizes a big integer: inline when it fits in `Int`.
    public static func integer(_ b: BigInt) -> Value {
        Limbs.make(b.sign == .minus, Array(b.magnitude.words))
    }

    public static func str(_ s: String) -> Value { .object(PyStr(s)) }

    /// Identity in Python's sense (`is`): inline values compare by value, objects by reference.
    public func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none), (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

/// A Python exception travelling through Swift code. The VM turns it back into Python unwinding.
public struct PyError: Error, @unchecked Sendable {
    public let exception: PyBaseException
    public init(_ exception: PyBaseException) { self.exception = exception }
}
