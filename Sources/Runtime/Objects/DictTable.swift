/// The storage of `dict`, `set` and instance `__dict__`s: CPython's compact, insertion-ordered hash
/// table (an index array probed with CPython's perturbation scheme, over a dense entry array).
/// It is a value type; the owning object keeps it inside a mutex.
///
/// Equality is decided by a caller-supplied closure returning `true`, `false` or `nil` ("cannot decide
/// without running Python code"), so the table itself never calls Python and can be used under a lock.
struct DictTable {
    static let empty: Int32 = -1
    static let dummy: Int32 = -2

    private(set) var hashes: [Int] = []
    /// `.null` marks a deleted entry.
    private(set) var keys: [Value] = []
    private(set) var values: [Value] = []
    private var index: [Int32] = []
    /// Live entries.
    private(set) var count = 0
    /// Bumped on every insertion or deletion, so iterators can detect a size change.
    private(set) var version = 0

    enum Lookup { case found(Int), notFound, undecided([Int]) }

    init() {}

    init(minimumCapacity: Int) {
        if minimumCapacity > 0 { rebuild(minimumCapacity) }
    }

    /// Finds `key`. `eq(stored, key)` decides equality for stored keys of equal hash.
    func find(_ key: Value, hash: Int, eq: (Value, Value) -> Bool?) -> Lookup {
        if index.isEmpty { return .notFound }
        let mask = index.count - 1
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var undecided: [Int] = []
        while true {
            let slot = index[i]
            if slot == DictTable.empty { return undecided.isEmpty ? .notFound : .undecided(undecided) }
            if slot >= 0 {
                let e = Int(slot)
                if hashes[e] == hash {
                    let k = keys[e]
                    if k.isIdentical(key) { return .found(e) }
                    switch eq(k, key) {
                    case .some(true): return .found(e)
                    case .some(false): break
                    case .none: undecided.append(e)
                    }
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
        }
    }

    /// Finds a `str` key without retaining anything on the way: identity first (names in code objects
    /// and attribute dicts are interned), then string equality. The hot path of globals, class and
    /// instance attribute lookups.
    @inline(__always)
    func findStr(_ key: PyStr, hash: Int) -> Int? {
        if index.isEmpty { return nil }
        let mask = index.count - 1
        var perturb = UInt(bitPattern: hash)
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        return index.withUnsafeBufferPointer { idx in
            hashes.withUnsafeBufferPointer { hs in
                keys.withUnsafeBufferPointer { ks in
                    while true {
                        let slot = idx[i]
                        if slot == DictTable.empty { return nil }
                        if slot >= 0 {
                            let e = Int(slot)
                            if hs[e] == hash, case .object(let o) = ks[e] {
                                if o === key { return e }
                                if let s = o as? PyStr, s.value == key.value { return e }
                            }
                        }
                        perturb >>= 5
                        i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
                    }
                }
            }
        }
    }

    @inline(__always)
    func value(at e: Int) -> Value { values[e] }

    /// Finds the entry whose key is identical to `key` (used after Python-level equality decided).
    func findIdentical(_ key: Value, hash: Int) -> Int? {
        if case .found(let e) = find(key, hash: hash, eq: { _, _ in false }) { return e }
        return nil
    }

    func entry(_ e: Int) -> (key: Value, value: Value) { (keys[e], values[e]) }

    mutating func setValue(at e: Int, _ v: Value) { values[e] = v }

    /// Appends a new entry (the caller checked the key is absent).
    mutating func insertNew(_ key: Value, hash: Int, value: Value) {
        if (keys.count + 1) * 3 >= index.count * 2 { rebuild(max(count + 1, 5)) }
        let e = keys.count
        hashes.append(hash); keys.append(key); values.append(value)
        placeIndex(e, hash: hash)
        count += 1
        version &+= 1
    }

    mutating func remove(at e: Int) -> (key: Value, value: Value) {
        let old = (keys[e], values[e])
        let mask = index.count - 1
        var perturb = UInt(bitPattern: hashes[e])
        var i = Int(UInt(bitPattern: hashes[e]) & UInt(mask))
        while index[i] != Int32(e) {
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ perturb &+ 1) & UInt(mask))
        }
        index[i] = DictTable.dummy
        keys[e] = .null
        values[e] = .null
        count -= 1
        version &+= 1
        if count == 0 { let v = version; self = DictTable(); version = v }
        return old
    }

    /// Empties the table, returning every key and value (for `Trashcan.dispose` in deinit).
    mutating func takeAll() -> [Value] {
        var out = keys
        out.append(contentsOf: values)
        self = DictTable()
        return out
    }

    mutating func removeAll() {
        let v = version
        self = DictTable()
        version = v &+ 1
    }

    /// Index of the next live entry at or after `e`, or nil.
    func nextLive(from e: Int) -> Int? {
        var i = e
        while i < keys.count { if !keys[i].isNull { return i }; i += 1 }
        return nil
    }

    /// Index of the last live entry, or nil (for popitem).
    func lastLive() -> Int? {
        var i = keys.count - 1
        while i >= 0 { if !keys[i].isNull { return i }; i -= 1 }
        return nil
    }

    var liveKeys: [Value] { keys.filter { !$0.isNull } }
    var liveValues: [Value] { var r: [Value] = []; r.reserveCapacity(count); for i in keys.indices where !keys[i].isNull { r.append(values[i]) }; return r }
    var liveItems: [(Value, Value)] { var r: [(Value, Value)] = []; r.reserveCapacity(count); for i in keys.indices where !keys[i].isNull { r.append((keys[i], values[i])) }; return r }
    var liveHashes: [Int] { var r: [Int] = []; for i in keys.indices where !keys[i].isNull { r.append(hashes[i]) }; return r }

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
        if keys.count != count {
            var h: [Int] = [], k: [Value] = [], v: [Value] = []
            h.reserveCapacity(count); k.reserveCapacity(count); v.reserveCapacity(count)
            for i in keys.indices where !keys[i].isNull { h.append(hashes[i]); k.append(keys[i]); v.append(values[i]) }
            hashes = h; keys = k; values = v
        }
        index = [Int32](repeating: DictTable.empty, count: size)
        for e in keys.indices { placeIndex(e, hash: hashes[e]) }
    }
}
