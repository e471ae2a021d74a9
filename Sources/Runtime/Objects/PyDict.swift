import Synchronization

/// `dict`, and the `__dict__` of modules, classes and instances. Single operations are atomic
/// (the table lives in a mutex). Keys whose hash or equality needs Python code (`__hash__`/`__eq__`
/// of user classes) are resolved outside the lock, then the table is re-checked by identity.
public final class PyDict: PyObject, LockedTable {
    private let spin = SpinLock()
    private var tableStorage: DictTable
    /// The table's write count, published after every change: a value cached from this dict (a
    /// global looked up by LOAD_GLOBAL) is still current while the stamp is unchanged.
    let stamp = Atomic<Int>(0)

    @inline(__always)
    func withTable<R>(_ body: (inout DictTable) throws -> R) rethrows -> R {
        spin.lock()
        let before = tableStorage.writes
        defer {
            if tableStorage.writes != before { stamp.store(tableStorage.writes, ordering: .releasing) }
            spin.unlock()
        }
        return try body(&tableStorage)
    }

    public init() {
        tableStorage = DictTable()
        super.init(type: PyType.dict)
    }

    /// A dict whose Python type is filled in later: the attribute dicts of the builtin types, which
    /// exist before the `dict` type itself does (see `PyType.fixUntypedDicts`).
    init(untyped: ()) {
        tableStorage = DictTable()
        super.init(uninitializedType: ())
    }

    init(table: DictTable) {
        tableStorage = table
        super.init(type: PyType.dict)
    }

    deinit { Trashcan.dispose(entries: tableStorage.takeEntries()) }

    public var count: Int { withTable { $0.count } }
    var version: Int { withTable { $0.version } }

    public var keys: [Value] { withTable { $0.liveKeys } }
    public var values: [Value] { withTable { $0.liveValues } }
    public var items: [(Value, Value)] { withTable { $0.liveItems } }
    var table: DictTable { withTable { $0 } }

    // MARK: str keys (attribute dictionaries): never runs Python code

    @inline(__always) public func getStr(_ key: PyStr) -> Value? {
        let h = key.hashValue
        return withTable { t -> Value? in
            if let e = t.findStr(key, hash: h) { return t.value(at: e) }
            return nil
        }
    }

    public func getStr(_ key: String) -> Value? { getStr(PyStr(key)) }

    // Reads without the dict's lock, for the eval loop's attribute fast paths with the GIL on (the lock's
    // atomic compare-exchange was most of an attribute read). Safe because of who writes: every write
    // takes the lock, and with the GIL on every writer is a Python thread holding the GIL — threads
    // that do not hold it (the deadlock detector, the REPL's completer, code inside `allowThreads`) only
    // read, under the lock. So while the calling thread holds the GIL, no write can overlap its read.
    // Never call these without holding the GIL, and never with the GIL off.

    /// `getStr` for the thread holding the GIL (see above).
    @inline(__always) func getStrHoldingGIL(_ key: PyStr) -> Value? {
        let h = key.hashValue
        return withTableHoldingGIL { t -> Value? in
            if let e = t.findStr(key, hash: h) { return t.value(at: e) }
            return nil
        }
    }

    /// `containsStr` for the thread holding the GIL (see above).
    @inline(__always) func containsStrHoldingGIL(_ key: PyStr) -> Bool {
        let h = key.hashValue
        return withTableHoldingGIL { $0.findStr(key, hash: h) != nil }
    }

    /// `get`'s first probe for the thread holding the GIL (see above), for a key whose hash the caller
    /// computed without Python code: `.undecided` when a stored key needs `__eq__` (take `get`).
    @inline(__always) func lookupHoldingGIL(_ key: Value, hash h: Int) -> FastLookup {
        withTableHoldingGIL { $0.fastLookup(key, hash: h) }
    }

    /// `contains`'s first probe for the thread holding the GIL (see above); nil: undecided.
    @inline(__always) func containsHoldingGIL(_ key: Value, hash h: Int) -> Bool? {
        withTableHoldingGIL { t in t.findDecided(key, hash: h) }
    }

    /// The table in place, as `withTable` lends it, without the lock (reading `tableStorage` by value
    /// would copy the table and retain its arrays).
    @inline(__always)
    private func withTableHoldingGIL<R>(_ body: (inout DictTable) -> R) -> R { body(&tableStorage) }

    /// Whether the str key is present (without copying its value).
    @inline(__always) public func containsStr(_ key: PyStr) -> Bool {
        let h = key.hashValue
        return withTable { $0.findStr(key, hash: h) != nil }
    }

    public func setStr(_ key: PyStr, _ value: Value) {
        let h = key.hashValue
        withTable { t in
            if let e = t.findStr(key, hash: h) { t.setValue(at: e, value) }
            else { t.insertNew(.object(key), hash: h, value: value) }
        }
    }

    public func setStr(_ key: String, _ value: Value) { setStr(PyStr.intern(key), value) }

    @discardableResult
    public func deleteStr(_ key: PyStr) -> Value? {
        let h = key.hashValue
        return withTable { t -> Value? in
            if case .found(let e) = t.find(.object(key), hash: h, eq: strEq) { return t.remove(at: e).value }
            return nil
        }
    }

    // MARK: general keys


    public func get(_ key: Value, vm: VM) throws -> Value? {
        let h = try vm.hash(key)
        // One locked probe when no stored key needs Python code to compare (int, str, tuple … keys).
        let first: FastLookup = withTable { $0.fastLookup(key, hash: h) }
        switch first {
        case .found(let v): return v
        case .absent: return nil
        case .undecided: break
        }
        if let e = try locate(key, hash: h, vm: vm) {
            return withTable { t in t.isLive(e) ? t.entry(e).value : nil }
        }
        return nil
    }

    public func set(_ key: Value, _ value: Value, vm: VM) throws {
        let h = try vm.hash(key)
        // Find and store under one lock unless a stored key needs Python code to compare.
        let done: Bool = withTable { t in
            switch t.find(key, hash: h, eq: { Hashing.fastEquals($0, $1) }) {
            case .found(let e): t.setValue(at: e, value); return true
            case .notFound: t.insertNew(key, hash: h, value: value); return true
            case .undecided: return false
            }
        }
        if done { return }
        let e = try locate(key, hash: h, vm: vm)
        withTable { t in
            if let e = e, t.isLive(e) { t.setValue(at: e, value); return }
            // Re-check by fast equality: another thread may have inserted the key meanwhile.
            if case .found(let e2) = t.find(key, hash: h, eq: { Hashing.fastEquals($0, $1) }) { t.setValue(at: e2, value) }
            else { t.insertNew(key, hash: h, value: value) }
        }
    }

    /// Removes `key`, returning its value, or nil when absent.
    @discardableResult
    public func remove(_ key: Value, vm: VM) throws -> Value? {
        let h = try vm.hash(key)
        guard let e = try locate(key, hash: h, vm: vm) else { return nil }
        return withTable { t in t.isLive(e) ? t.remove(at: e).value : nil }
    }

    public func contains(_ key: Value, vm: VM) throws -> Bool {
        let h = try vm.hash(key)
        // One locked probe, as in `get`, without copying the value out.
        let first: Bool? = withTable { $0.findDecided(key, hash: h) }
        if let known = first { return known }
        return try locate(key, hash: h, vm: vm) != nil
    }

    public func removeAll() { withTable { $0.removeAll() } }

    /// Removes and returns the last inserted item.
    public func popLast() -> (Value, Value)? {
        withTable { t in t.lastLive().map { t.remove(at: $0) } }
    }

    /// The live entry at or after position `pos` and the position after it (for iterators).
    func entry(from pos: Int) -> (key: Value, value: Value, next: Int, version: Int)? {
        withTable { t in
            guard let e = t.nextLive(from: pos) else { return nil }
            let en = t.entry(e)
            return (en.key, en.value, e + 1, t.version)
        }
    }

    public func copy() -> PyDict { PyDict(table: table) }

    enum IterStep { case entry(key: Value, value: Value, next: Int), end, sizeChanged }

    /// One step of iteration under one lock: `sizeChanged` when the dict no longer has `size`
    /// entries, else the live entry at or after `pos` (only the parts asked for; the others `.none`).
    /// `holdingGIL`: the caller runs bytecode with the GIL on, so the table is read without the lock
    /// (the rule at `getStrHoldingGIL`).
    @inline(__always)
    func iterStep(from pos: Int, size: Int, wantKey: Bool, wantValue: Bool, holdingGIL: Bool) -> IterStep {
        func step(_ t: inout DictTable) -> IterStep {
            if t.count != size { return .sizeChanged }
            guard let e = t.nextLive(from: pos) else { return .end }
            return .entry(key: wantKey ? t.key(at: e) : .none, value: wantValue ? t.value(at: e) : .none, next: e + 1)
        }
        return holdingGIL ? withTableHoldingGIL(step) : withTable(step)
    }
}

@inline(__always) func strEq(_ a: Value, _ b: Value) -> Bool? {
    if case .object(let x) = a, case .object(let y) = b, let s = x as? PyStr, let t = y as? PyStr {
        return PyStr.equal(s, t)
    }
    return Hashing.fastEquals(a, b)
}

/// `set` and the table behind `frozenset`. Same storage as dict (values unused).
public final class PySet: PyObject, LockedTable {
    private let spin = SpinLock()
    private var tableStorage: DictTable

    @inline(__always)
    func withTable<R>(_ body: (inout DictTable) throws -> R) rethrows -> R {
        spin.lock()
        defer { spin.unlock() }
        return try body(&tableStorage)
    }

    public override init(type: PyType = PyType.set) {
        tableStorage = DictTable()
        super.init(type: type)
    }

    deinit { Trashcan.dispose(entries: tableStorage.takeEntries()) }

    public var count: Int { withTable { $0.count } }
    var version: Int { withTable { $0.version } }
    public var elements: [Value] { withTable { $0.liveKeys } }
    var hashes: [Int] { withTable { $0.liveHashes } }


    public func contains(_ key: Value, vm: VM) throws -> Bool {
        let h = try vm.hash(key)
        return try locate(key, hash: h, vm: vm) != nil
    }

    /// `contains`'s first probe for the thread holding the GIL (the rule at `PyDict.getStrHoldingGIL`);
    /// nil: a stored key needs `__eq__`.
    @inline(__always) func containsHoldingGIL(_ key: Value, hash h: Int) -> Bool? {
        withTableHoldingGIL { $0.findDecided(key, hash: h) }
    }

    /// The table in place without the lock, as `PyDict.withTableHoldingGIL` lends it: calling a method
    /// on `tableStorage` read by value retained and released the table's two arrays (four atomic
    /// operations per `x in s`).
    @inline(__always)
    private func withTableHoldingGIL<R>(_ body: (inout DictTable) -> R) -> R { body(&tableStorage) }

    /// `count` for the thread holding the GIL (the same rule).
    @inline(__always) var countHoldingGIL: Int { tableStorage.count }

    /// Adds `key`; returns false if it was already present.
    @discardableResult
    public func add(_ key: Value, vm: VM) throws -> Bool {
        let h = try vm.hash(key)
        // Find and insert under one lock unless a stored key needs Python code to compare.
        let first: FastLookup = withTable { t in
            switch t.find(key, hash: h, eq: { Hashing.fastEquals($0, $1) }) {
            case .found: return .found(.none)
            case .notFound: t.insertNew(key, hash: h, value: .none); return .absent
            case .undecided: return .undecided
            }
        }
        switch first {
        case .found: return false
        case .absent: return true
        case .undecided: break
        }
        if try locate(key, hash: h, vm: vm) != nil { return false }
        return withTable { t in
            if case .found = t.find(key, hash: h, eq: { Hashing.fastEquals($0, $1) }) { return false }
            t.insertNew(key, hash: h, value: .none)
            return true
        }
    }

    @discardableResult
    public func remove(_ key: Value, vm: VM) throws -> Bool {
        let h = try vm.hash(key)
        guard let e = try locate(key, hash: h, vm: vm) else { return false }
        return withTable { t in
            guard t.isLive(e) else { return false }
            _ = t.remove(at: e); return true
        }
    }

    public func popFirst() -> Value? {
        withTable { t in t.nextLive(from: 0).map { t.remove(at: $0).key } }
    }

    public func removeAll() { withTable { $0.removeAll() } }

    func element(from pos: Int) -> (key: Value, next: Int, version: Int)? {
        withTable { t in
            guard let e = t.nextLive(from: pos) else { return nil }
            return (t.entry(e).key, e + 1, t.version)
        }
    }
}

/// `frozenset`: a set that is never mutated after construction, so it is hashable.
public final class PyFrozenSet: PyObject {
    public let set: PySet
    public let cachedHash: Int
    public init(_ set: PySet) {
        self.set = set
        self.cachedHash = Hashing.hashFrozenSet(set.hashes)
        super.init(type: PyType.frozenset)
    }
    public var elements: [Value] { self.set.elements }
    public var count: Int { self.set.count }
}

/// The outcome of a probe that never runs Python code.
enum FastLookup { case found(Value), absent, undecided }

/// Dicts and sets: a `DictTable` behind a lock.
protocol LockedTable: AnyObject {
    func withTable<R>(_ body: (inout DictTable) throws -> R) rethrows -> R
}

extension LockedTable {
    /// Finds the entry index for `key`. Keys whose equality needs `__eq__` are compared outside the
    /// lock (Python code never runs under an object lock), then found again by identity.
    func locate(_ key: Value, hash h: Int, vm: VM) throws -> Int? {
        let first = withTable { $0.find(key, hash: h, eq: { Hashing.fastEquals($0, $1) }) }
        switch first {
        case .found(let e): return e
        case .notFound: return nil
        case .undecided(let candidates):
            let snapshot = withTable { t in candidates.map { t.entry($0).key } }
            for k in snapshot where try vm.equals(k, key) {
                return withTable { $0.findIdentical(k, hash: h) }
            }
            return nil
        }
    }
}
