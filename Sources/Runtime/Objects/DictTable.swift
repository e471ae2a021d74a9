/// The storage of `dict`, `set` and instance `__dict__`s: CPython's compact, insertion-ordered hash
/// table — a dense array of entries (hash, key, value), and, once the table outgrows
/// `DictTable.linearLimit` entries, an index array probed with CPython's perturbation scheme. Small
/// tables (most instance and keyword dicts) are scanned linearly: one allocation instead of two.
/// It is a value type; the owning object keeps it behind its lock.
///
/// Equality is decided by a caller-supplied closure returning `true`, `false` or `nil` ("cannot decide
/// without running Python code"), so the table itself never calls Python and can be used under a lock.
struct DictTable {
    static let empty: Int32 = -1
    static let dummy: Int32 = -2
    /// Up to this many entries (live or deleted), lookups scan the entries instead of an index.
    static let linearLimit = 8

    struct Entry {
        var hash: Int
        /// `.null` marks a deleted entry.
        var key: Value
        var value: Value
    }

    private var entries: [Entry] = []
    private var index: [Int32] = []
    /// Live entries.
    private(set) var count = 0
    /// Bumped on every insertion or deletion, so iterators can detect a size change.
    private(set) var version = 0
    /// Counts every change (insertions, removals and value overwrites, which `version` does not count),
    /// for `PyDict.stamp`.
    private(set) var writes = 0

    enum Lookup { case found(Int), notFound, undecided([Int]) }

    init() {}

    init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
        if minimumCapacity > DictTable.linearLimit { rebuild(minimumCapacity) }
    }

    /// Number of entry slots (live and deleted); valid entry positions are `0..<entryCount`.
    var entryCount: Int { entries.count }

    @inline(__always) func isLive(_ e: Int) -> Bool { e < entries.count && !entries[e].key.isNull }

    /// Calls `visit` with each candidate position for `hash`, in probe order, until it returns a result.
    @inline(__always)
    private func probe<R>(_ hash: Int, _ visit: (Int) -> R?) -> R? {
        if index.isEmpty {
            for e in entries.indices where entries[e].hash == hash && !entries[e].key.isNull {
                if let r = visit(e) { return r }
            }
            return nil
        }
        let mask = index.count - 1
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while true {
            let slot = index[i]
            if slot == DictTable.empty { return nil }
            if slot >= 0, entries[Int(slot)].hash == hash, let r = visit(Int(slot)) { return r }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
        }
    }

    /// Finds `key`. `eq(stored, key)` decides equality for stored keys of equal hash.
    func find(_ key: Value, hash: Int, eq: (Value, Value) -> Bool?) -> Lookup {
        var undecided: [Int] = []
        // The stored keys are compared where they are (`entries[e].key` copied each one: a retain and a
        // release per probe for object keys), and int and exact-str keys without the closure, whose
        // pattern matches retained both operands.
        let found: Int? = withUnsafePointer(to: key) { kp in
            let kObj = Value.peekObject(kp), kInt = Value.peekInt(kp)
            let kStr = kObj.flatMap { u in u._withUnsafeGuaranteedRef { $0.isExactly(PyStr.self) } ? u : nil }
            return entries.withUnsafeBufferPointer { es in
                probe(hash) { e in
                    let stored = (UnsafeRawPointer(es.baseAddress! + e) + DictTable.keyOffset).assumingMemoryBound(to: Value.self)
                    if let ki = kInt, let si = Value.peekInt(stored) { return si == ki ? e : nil }
                    if let so = Value.peekObject(stored), let ko = kObj {
                        if so.toOpaque() == ko.toOpaque() { return e }
                        if let ks = kStr {
                            let same: Bool? = so._withUnsafeGuaranteedRef { o in
                                guard o.isExactly(PyStr.self) else { return nil }
                                return ks._withUnsafeGuaranteedRef {
                                    PyStr.equal(unsafeDowncast(o, to: PyStr.self), unsafeDowncast($0, to: PyStr.self))
                                }
                            }
                            if let same { return same ? e : nil }
                        }
                    }
                    if es[e].key.isIdentical(key) { return e }
                    switch eq(es[e].key, key) {
                    case .some(true): return e
                    case .some(false): return nil
                    case .none: undecided.append(e); return nil
                    }
                }
            }
        }
        if let e = found { return .found(e) }
        return undecided.isEmpty ? .notFound : .undecided(undecided)
    }

    private static let keyOffset = MemoryLayout<Entry>.offset(of: \Entry.key)!

    /// `find` with fast equality, with the value: found, absent, or undecided when a stored key needs `__eq__`.
    @inline(__always)
    func fastLookup(_ key: Value, hash: Int) -> FastLookup {
        switch find(key, hash: hash, eq: { Hashing.fastEquals($0, $1) }) {
        case .found(let e): return .found(value(at: e))
        case .notFound: return .absent
        case .undecided: return .undecided
        }
    }

    /// `find` with fast equality, reduced to its answer: true/false, nil when a stored key needs `__eq__`.
    @inline(__always)
    func findDecided(_ key: Value, hash: Int) -> Bool? {
        switch find(key, hash: hash, eq: { Hashing.fastEquals($0, $1) }) {
        case .found: return true
        case .notFound: return false
        case .undecided: return nil
        }
    }

    /// Finds a `str` key: identity first (names in code objects and attribute dicts are interned),
    /// then string equality. The hot path of globals, class and instance attribute lookups.
    @inline(__always)
    func findStr(_ key: PyStr, hash: Int) -> Int? {
        probe(hash) { e in
            guard case .object(let o) = entries[e].key else { return nil }
            if o === key { return e }
            if o.type === PyType.str, PyStr.equal(unsafeDowncast(o, to: PyStr.self), key) { return e }
            return nil
        }
    }

    /// Finds the entry whose key is identical to `key` (used after Python-level equality decided).
    func findIdentical(_ key: Value, hash: Int) -> Int? {
        probe(hash) { e in entries[e].key.isIdentical(key) ? e : nil }
    }

    @inline(__always) func value(at e: Int) -> Value { entries[e].value }
    @inline(__always) func key(at e: Int) -> Value { entries[e].key }

    func entry(_ e: Int) -> (key: Value, value: Value) { (entries[e].key, entries[e].value) }

    mutating func setValue(at e: Int, _ v: Value) { entries[e].value = v; writes &+= 1 }

    /// Appends a new entry (the caller checked the key is absent).
    mutating func insertNew(_ key: Value, hash: Int, value: Value) {
        let e = entries.count
        entries.append(Entry(hash: hash, key: key, value: value))
        if !index.isEmpty || entries.count > DictTable.linearLimit {
            if index.isEmpty || entries.count * 3 >= index.count * 2 { rebuild(count + 1) } else { placeIndex(e, hash: hash) }
        }
        count += 1
        version &+= 1
        writes &+= 1
    }

    mutating func remove(at e: Int) -> (key: Value, value: Value) {
        let old = (entries[e].key, entries[e].value)
        if !index.isEmpty {
            let mask = index.count - 1
            var perturb = UInt(bitPattern: entries[e].hash)
            var i = Int(UInt(bitPattern: entries[e].hash) & UInt(mask))
            while index[i] != Int32(e) {
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
            }
            index[i] = DictTable.dummy
        }
        entries[e].key = .null
        entries[e].value = .null
        count -= 1
        version &+= 1
        writes &+= 1
        if count == 0 { let (v, w) = (version, writes); self = DictTable(); version = v; writes = w }
        return old
    }

    /// Empties the table, returning its entries without copying them (for `Trashcan.dispose` in deinit).
    mutating func takeEntries() -> [Entry] {
        let taken = entries
        self = DictTable()
        return taken
    }

    mutating func removeAll() {
        let (v, w) = (version, writes)
        self = DictTable()
        version = v &+ 1
        writes = w &+ 1
    }

    /// Index of the next live entry at or after `e`, or nil.
    func nextLive(from e: Int) -> Int? {
        var i = e
        while i < entries.count { if !entries[i].key.isNull { return i }; i += 1 }
        return nil
    }

    /// Index of the last live entry, or nil (for popitem).
    func lastLive() -> Int? {
        var i = entries.count - 1
        while i >= 0 { if !entries[i].key.isNull { return i }; i -= 1 }
        return nil
    }

    var liveKeys: [Value] { entries.compactMap { $0.key.isNull ? nil : $0.key } }
    var liveValues: [Value] { entries.compactMap { $0.key.isNull ? nil : $0.value } }
    var liveItems: [(Value, Value)] { entries.compactMap { $0.key.isNull ? nil : ($0.key, $0.value) } }
    var liveHashes: [Int] { entries.compactMap { $0.key.isNull ? nil : $0.hash } }

    private mutating func placeIndex(_ e: Int, hash: Int) {
        let mask = index.count - 1
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        while index[i] >= 0 {
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
        }
        index[i] = Int32(e)
    }

    /// Compacts the entries and rebuilds the index with room for `n` live entries.
    private mutating func rebuild(_ n: Int) {
        var size = 8
        while size * 2 < n * 3 + 1 { size <<= 1 }
        if entries.count != count { entries.removeAll { $0.key.isNull } }
        index = [Int32](repeating: DictTable.empty, count: size)
        for e in entries.indices { placeIndex(e, hash: entries[e].hash) }
    }
}
