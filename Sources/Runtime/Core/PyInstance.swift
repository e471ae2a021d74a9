/// An instance of a user-defined class (layout `object`): a type and attributes.
///
/// The attributes live inline, in up to `InstanceKeys.capacity` value slots numbered by the class's shared
/// `InstanceKeys` (CPython 3.11 keeps instance values the same way), with a per-instance insertion order,
/// so creating an instance is one allocation and reading `self.x` is an identity scan of a few names.
/// The first time something needs a real dict — `__dict__`, `vars()`, a name past the class's key
/// capacity, `instanceDict` — the values move into a `PyDict` (`materialized`), which from then on holds
/// them for good: every accessor checks it first, so the dict and the attributes never disagree.
///
/// Thread safety follows `PyDict`: every operation takes the instance's spin lock (never held across
/// Python code), and the `HoldingGIL` reads skip it under the same argument as `PyDict.getStrHoldingGIL`
/// (with the GIL on, every writer holds the GIL and takes the lock; threads without the GIL only read,
/// under the lock). Threads without the GIL (the deadlock detector, the REPL completer) use the
/// non-materializing reads (`attribute`, `attributeItems`), never `dict`.
public final class PyInstance: PyObject {
    /// Raw room for `InstanceKeys.capacity` values (16 bytes each), managed by hand: initialized to
    /// `.null` in `init`, released in `deinit`. Declared as plain integers so that Swift's own
    /// destruction of the instance does not copy and destroy eight `Value`s (with a retain and a
    /// release of the dying instance around it) after `deinit` has already emptied them.
    typealias Values = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private let spin = SpinLock()
    /// The class's shared keys (owned by the type, which the instance keeps alive), unretained: read
    /// through `withKeys`, with no reference counting (an unowned(unsafe) field still cost a retain and
    /// a release per attribute read).
    private let keysRef: Unmanaged<InstanceKeys>
    private var values: Values = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// Slot numbers of the stored attributes in insertion order, one byte each (`count` of them).
    private var order: UInt64 = 0
    private var count = 0
    /// The real `__dict__` once one was needed; then the inline slots are empty and unused.
    private var materialized: PyDict?

    public init(type: PyType, dict: PyDict) {
        keysRef = Unmanaged.passUnretained(type.instanceKeys)
        materialized = dict
        super.init(type: type)
        initializeValues()
    }

    public override init(type: PyType) {
        keysRef = Unmanaged.passUnretained(type.instanceKeys)
        super.init(type: type)
        initializeValues()
    }

    /// `init(type:)` taking over a +1 reference to the type (the class's stack slot in `Cls(x)`), so
    /// making the instance costs no reference counting for its type.
    init(adoptingType type: Unmanaged<PyType>) {
        keysRef = type._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.instanceKeys) }
        super.init(type: type.takeRetainedValue())
        initializeValues()
    }

    @inline(__always)
    private func initializeValues() {
        withValues { $0.initialize(repeating: .null, count: InstanceKeys.capacity) }
    }

    deinit {
        // Attribute values may be long chains of instances: released through the trashcan, unless
        // none is an object (then nothing needs releasing: ints, floats, None, bools and `.null` own
        // nothing, so the slots need no deinitialization either).
        guard count > 0 else { return }
        withValues { p in
            var i = 0
            while i < InstanceKeys.capacity {
                if Value.peekObject(p + i) != nil {
                    Trashcan.dispose(inline: p, count: InstanceKeys.capacity)
                    return
                }
                i += 1
            }
        }
    }

    /// The inline slots, in place, as `Value`s (a homogeneous tuple is laid out as an array; `Value`
    /// is 9 bytes with a 16-byte stride and 8-byte alignment, checked by `verifyRawLayout`).
    @inline(__always)
    private func withValues<R>(_ body: (UnsafeMutablePointer<Value>) throws -> R) rethrows -> R {
        try withUnsafeMutablePointer(to: &values) {
            try body(UnsafeMutableRawPointer($0).bindMemory(to: Value.self, capacity: InstanceKeys.capacity))
        }
    }

    @inline(__always)
    private func withKeys<R>(_ body: (InstanceKeys) throws -> R) rethrows -> R {
        try keysRef._withUnsafeGuaranteedRef(body)
    }

    @inline(__always)
    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        spin.lock()
        defer { spin.unlock() }
        return try body()
    }

    // MARK: reads

    /// The attribute `name`, or nil.
    @inline(__always)
    public func attribute(_ name: PyStr) -> Value? {
        let (v, d) = locked { materialized == nil ? (inlineValue(name), nil) : (nil, materialized) }
        if let d { return d.getStr(name) }
        return v
    }

    /// `attribute` for the thread holding the GIL, without the lock (see the type's comment).
    @inline(__always)
    func attributeHoldingGIL(_ name: PyStr) -> Value? {
        if let d = materialized { return d.getStrHoldingGIL(name) }
        return inlineValue(name)
    }

    /// Copies the value in inline slot `s` (see `VM.instanceSlot`) into the uninitialized `dst`, for the
    /// thread holding the GIL; false, nothing written, when the instance has a dict or no value there.
    @inline(__always)
    func copyInlineValueHoldingGIL(slot s: Int, into dst: UnsafeMutablePointer<Value>) -> Bool {
        guard materialized == nil else { return false }
        return withValues { p in
            if p[s].isNull { return false }
            Value.initializeCopy(dst, from: p + s)
            return true
        }
    }

    /// Calls `body` with inline slot `s` in place (it may hold `.null`), for the thread holding the GIL;
    /// false when the instance has a dict.
    @inline(__always)
    func withInlineSlotHoldingGIL(_ s: Int, _ body: (UnsafeMutablePointer<Value>) -> Bool) -> Bool {
        guard materialized == nil else { return false }
        return withValues { p in body(p + s) }
    }

    /// Moves `*value` into inline slot `s` (see `VM.instanceSlot`); false, nothing moved, when the
    /// instance has a dict.
    @inline(__always)
    func setInlineValue(slot s: Int, from value: UnsafeMutablePointer<Value>) -> Bool {
        spin.lock()
        guard materialized == nil else { spin.unlock(); return false }
        let old: Value = withValues { p in
            let old = (p + s).move()
            (p + s).moveInitialize(from: value, count: 1)
            return old
        }
        if old.isNull { appendToOrder(s) }
        spin.unlock()
        _ = consume old   // released outside the lock
        return true
    }

    /// Calls `body` with the inline slot holding the attribute `name`, in place (not copied), for the
    /// thread holding the GIL; nil when the instance has a dict or `name` has no slot. The slot may hold
    /// `.null` (no such attribute). Only valid inside `body`, with no Python code running meanwhile.
    @inline(__always)
    func withAttributeSlotHoldingGIL<R>(_ name: PyStr, _ body: (UnsafeMutablePointer<Value>) -> R?) -> R? {
        guard materialized == nil, let s = withKeys({ $0.slot(of: name) }) else { return nil }
        return withValues { p in body(p + s) }
    }

    /// Whether the attribute exists (without copying its value), for the thread holding the GIL.
    @inline(__always)
    func hasAttributeHoldingGIL(_ name: PyStr) -> Bool {
        if let d = materialized { return d.containsStrHoldingGIL(name) }
        return inlineSlot(name) != nil
    }

    /// Whether the attribute exists.
    @inline(__always)
    func hasAttribute(_ name: PyStr) -> Bool {
        let (found, d) = locked { materialized == nil ? (inlineSlot(name) != nil, nil) : (false, materialized) }
        if let d { return d.containsStr(name) }
        return found
    }

    /// The attributes in insertion order (a snapshot; no dict is made).
    public var attributeItems: [(Value, Value)] {
        let (items, d) = locked { () -> ([(Value, Value)], PyDict?) in
            if let d = materialized { return ([], d) }
            return (withValues { p in (0..<count).map { i in
                let s = slot(atPosition: i)
                return (.object(withKeys { $0.name(at: s) }), p[s])
            } }, nil)
        }
        if let d { return d.items }
        return items
    }

    // MARK: writes

    /// Stores the attribute `name`.
    @inline(__always)
    public func setAttribute(_ name: PyStr, _ value: consuming Value) {
        spin.lock()
        if materialized == nil, let s = withKeys({ $0.slotAdding(name) }) {
            withValues { p in
                if case .null = p[s] { appendToOrder(s) }
                p[s] = value
            }
            spin.unlock()
            return
        }
        let d = materializeLocked(room: 1)
        spin.unlock()
        d.setStr(name, value)
    }

    /// Removes the attribute `name`, returning its value, or nil when it did not exist.
    @discardableResult
    public func deleteAttribute(_ name: PyStr) -> Value? {
        spin.lock()
        if let d = materialized {
            spin.unlock()
            return d.deleteStr(name)
        }
        defer { spin.unlock() }
        guard let s = inlineSlot(name) else { return nil }
        removeFromOrder(s)
        return withValues { p in
            let old = p[s]
            p[s] = .null
            return old
        }
    }

    // MARK: the dict

    /// The instance's `__dict__`: made from the inline values the first time it is asked for, then kept
    /// (and the only storage) for the instance's lifetime. Only for threads that may write (with the
    /// GIL on, those holding it).
    public var dict: PyDict { locked { materializeLocked() } }

    public override var instanceDict: PyDict? { dict }

    // The generic attribute paths (`getattr`, `setattr`, `dir` …) reach instances through these, which
    // keep the attributes inline.
    public override func instanceAttribute(_ name: PyStr) -> Value? { attribute(name) }
    public override func setInstanceAttribute(_ name: PyStr, _ value: Value) -> Bool { setAttribute(name, value); return true }
    public override func deleteInstanceAttribute(_ name: PyStr) -> Value? { deleteAttribute(name) }
    public override var instanceAttributeItems: [(Value, Value)]? { attributeItems }

    /// Moves the inline values into a new dict, in insertion order, with room for `room` more entries
    /// (the lock is held).
    private func materializeLocked(room: Int = 0) -> PyDict {
        if let d = materialized { return d }
        var table = DictTable(minimumCapacity: count + room)
        withValues { p in
            for i in 0..<count {
                let s = slot(atPosition: i)
                let name = withKeys { $0.name(at: s) }
                table.insertNew(.object(name), hash: name.hashValue, value: (p + s).move())
                (p + s).initialize(to: .null)
            }
        }
        order = 0
        count = 0
        let d = PyDict(table: table)
        materialized = d
        return d
    }

    // MARK: inline slots (the lock is held, or the GIL as described above)

    @inline(__always)
    private func inlineSlot(_ name: PyStr) -> Int? {
        guard let s = withKeys({ $0.slot(of: name) }) else { return nil }
        return withValues { p in
            if case .null = p[s] { return nil }
            return s
        }
    }

    @inline(__always)
    private func inlineValue(_ name: PyStr) -> Value? {
        guard let s = withKeys({ $0.slot(of: name) }) else { return nil }
        return withValues { p in
            let v = p[s]
            return v.isNull ? nil : v
        }
    }

    @inline(__always)
    private func slot(atPosition i: Int) -> Int { Int(truncatingIfNeeded: order >> UInt64(8 * i)) & 0xFF }

    @inline(__always)
    private func appendToOrder(_ s: Int) {
        order |= UInt64(s) << UInt64(8 * count)
        count += 1
    }

    /// Drops slot `s` from the insertion order (a deleted attribute set again goes last, as in a dict).
    private func removeFromOrder(_ s: Int) {
        var kept: UInt64 = 0
        var n = 0
        for i in 0..<count where slot(atPosition: i) != s {
            kept |= UInt64(slot(atPosition: i)) << UInt64(8 * n)
            n += 1
        }
        order = kept
        count = n
    }
}

