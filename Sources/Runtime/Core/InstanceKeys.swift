import Synchronization

/// The attribute names a class's instances share, like CPython's split-table dict keys: each name gets a
/// fixed slot number the first time any instance of the class stores it, and every `PyInstance` keeps its
/// values in those slots (see `PyInstance`), so an instance needs no `__dict__` of its own until one is
/// asked for. Up to `capacity` names per class; an instance that needs a name past that moves its
/// attributes into a real dict.
///
/// Names are only ever appended, never changed or removed, so reading is lock-free: a slot's name is
/// written before the count that publishes it (release/acquire). Appends are serialized by a lock.
/// The names are interned strings (immortal, so the table never retains or releases them), which lets
/// a lookup with an interned name compare identities only.
final class InstanceKeys: @unchecked Sendable {
    /// Slots per class: the inline values every `PyInstance` carries (see `PyInstance.Values`).
    static let capacity = 8

    private let names: UnsafeMutablePointer<UnsafeRawPointer?>
    private let published = Atomic<Int>(0)
    private let appendLock = SpinLock()

    init() {
        names = .allocate(capacity: InstanceKeys.capacity)
        names.initialize(repeating: nil, count: InstanceKeys.capacity)
    }

    deinit { names.deallocate() }

    /// How many names have slots (slots `0..<count`).
    @inline(__always) var count: Int { published.load(ordering: .acquiring) }

    /// The name in slot `i` (`i < count`).
    @inline(__always) func name(at i: Int) -> PyStr {
        Unmanaged<PyStr>.fromOpaque(names[i].unsafelyUnwrapped).takeUnretainedValue()
    }

    /// The slot of `name`, or nil when no instance of the class has stored it yet.
    @inline(__always)
    func slot(of name: PyStr) -> Int? {
        let n = count
        let key = UnsafeRawPointer(Unmanaged.passUnretained(name).toOpaque())
        var i = 0
        while i < n {
            if names[i] == key { return i }
            i += 1
        }
        // Every stored name is interned, so an interned `name` that is not among them is absent.
        return name.isInterned ? nil : slotByValue(of: name, n)
    }

    /// `slot(of:)` for a name that is not interned (`getattr(obj, computed_string)`): compares contents.
    @inline(never)
    private func slotByValue(of name: PyStr, _ n: Int) -> Int? {
        for i in 0..<n where PyStr.equal(self.name(at: i), name) { return i }
        return nil
    }

    /// The slot of `name`, giving it the next free slot if it has none; nil when the table is full.
    func slotAdding(_ name: PyStr) -> Int? {
        if let s = slot(of: name) { return s }
        appendLock.lock()
        defer { appendLock.unlock() }
        if let s = slot(of: name) { return s }   // another thread may have added it meanwhile
        let n = published.load(ordering: .relaxed)
        guard n < InstanceKeys.capacity else { return nil }
        let key = name.isInterned ? name : PyStr.intern(name.value)
        names[n] = UnsafeRawPointer(Unmanaged.passUnretained(key).toOpaque())
        published.store(n + 1, ordering: .releasing)
        return n
    }
}
