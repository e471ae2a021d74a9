import Synchronization

/// `list`. The items live inside a mutex, so single operations (`append`, `pop`, `lst[i] = v`, `len`)
/// are atomic even without the GIL, as in free-threaded CPython. Compound operations (`x += 1`,
/// check-then-act) are not, by design. Never call Python code inside `withItems`.
public final class PyList: PyObject {
    private let spin = SpinLock()
    private var itemStorage: [Value]

    @inline(__always)
    private func locked<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        spin.lock()
        defer { spin.unlock() }
        return try body(&itemStorage)
    }

    public init(_ items: [Value] = []) {
        itemStorage = items
        super.init(type: PyType.list)
    }

    deinit {
        var items: [Value] = []
        swap(&items, &itemStorage)
        Trashcan.dispose(items)
    }

    /// A consistent copy of the items (copy-on-write: cheap until someone mutates).
    @inline(__always) public var items: [Value] { locked { $0 } }

    @inline(__always) public var count: Int { locked { $0.count } }

    @inline(__always) public func withItems<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        try locked { (items: inout [Value]) throws -> R in try body(&items) }
    }

    @inline(__always) public func append(_ v: Value) { locked { $0.append(v) } }

    /// `append` without the lock, for a list no other thread can reach: the list of a comprehension or
    /// display that is still being built on its frame's stack (LIST_APPEND).
    @inline(__always) func appendUnshared(_ v: consuming Value) { itemStorage.append(v) }

    public func replaceAll(_ new: [Value]) { locked { $0 = new } }

    /// `lst[i] = v` for an index that may be negative; false when out of range.
    @inline(__always) public func setItem(_ i: Int, _ v: Value) -> Bool {
        locked { items in
            let j = i < 0 ? i + items.count : i
            guard j >= 0 && j < items.count else { return false }
            items[j] = v
            return true
        }
    }

    /// `lst[i]` for an index that may be negative (one lock); nil when out of range.
    @inline(__always) public func item(pythonIndex i: Int) -> Value? {
        locked { items in
            let j = i < 0 ? i + items.count : i
            return j >= 0 && j < items.count ? items[j] : nil
        }
    }

    /// The item at a normalized index, or nil when out of range.
    @inline(__always) public func item(at i: Int) -> Value? {
        locked { $0.indices.contains(i) ? $0[i] : nil }
    }

    // Reads without the list's lock, for the eval loop's fast paths with the GIL on (the lock's atomic
    // compare-exchange was most of a `for x in lst` iteration). Safe for the reason given at
    // `PyDict.getStrHoldingGIL`: every write takes the lock, and with the GIL on every writer holds the
    // GIL, so no write overlaps the reader's. Never call these without holding the GIL.

    /// `count` for the thread holding the GIL (see above).
    @inline(__always) var countHoldingGIL: Int { itemStorage.count }

    /// `item(at:)` for the thread holding the GIL (see above).
    @inline(__always) func itemHoldingGIL(at i: Int) -> Value? {
        itemStorage.withUnsafeBufferPointer { b in i < b.count ? b[i] : nil }
    }

    /// `item(pythonIndex:)` for the thread holding the GIL (see above).
    @inline(__always) func itemHoldingGIL(pythonIndex i: Int) -> Value? {
        itemStorage.withUnsafeBufferPointer { b in
            let j = i < 0 ? i + b.count : i
            return j >= 0 && j < b.count ? b[j] : nil
        }
    }
}

/// `tuple`. Immutable.
public final class PyTuple: PyObject {
    public private(set) var items: [Value]
    public init(_ items: [Value]) { self.items = items; super.init(type: PyType.tuple) }

    /// `t[i]` with Python's negative indices, or nil when out of range; reads the items in place.
    @inline(__always) public func item(pythonIndex i: Int) -> Value? {
        items.withUnsafeBufferPointer { b in
            let j = i < 0 ? i + b.count : i
            return j >= 0 && j < b.count ? b[j] : nil
        }
    }

    deinit {
        var taken: [Value] = []
        swap(&taken, &items)
        Trashcan.dispose(taken)
    }
    public static let empty = PyTuple([])
}
