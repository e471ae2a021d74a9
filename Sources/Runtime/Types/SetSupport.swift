/// Helpers of `set`/`frozenset`: building sets, element snapshots, and CPython's iteration order.
///
/// `PySet` stores its elements in insertion order. CPython iterates a set in hash-table slot order, which
/// is why `print({3, 1, 2})` shows `{1, 2, 3}`. `orderedElements` reproduces that order by replaying the
/// insertions into a simulated CPython set table (Objects/setobject.c: 8 slots initially, linear probing of
/// 9 slots then perturbation, growth when fill*5 >= mask*3 to the smallest power of two > used*4). The
/// result is exact for sets built without deletions; after deletions it approximates.
enum SetSupport {
    /// A set used as a key of a set lookup (`{1} in s`, `s.remove({1})`) stands for the equal frozenset,
    /// as in CPython; any other key is itself.
    static func frozenKey(_ key: Value) -> Value {
        if case .object(let o) = key, let ks = o as? PySet { return .object(PyFrozenSet(ks)) }
        return key
    }

    /// The element snapshot of a set or frozenset; nil for other values.
    static func elements(_ v: Value) -> [Value]? {
        guard case .object(let o) = v else { return nil }
        if let s = o as? PySet { return s.elements }
        if let f = o as? PyFrozenSet { return f.elements }
        return nil
    }

    static func pySet(_ v: Value) -> PySet? {
        guard case .object(let o) = v else { return nil }
        if let s = o as? PySet { return s }
        if let f = o as? PyFrozenSet { return f.set }
        return nil
    }

    static func isAnySet(_ v: Value) -> Bool { pySet(v) != nil }

    static func makeSet(_ vm: VM, _ items: [Value]) throws -> PySet {
        let s = PySet()
        for x in items { try s.add(x, vm: vm) }
        return s
    }

    /// A new set or frozenset (per `frozen`) holding `items`.
    static func make(_ vm: VM, _ items: [Value], frozen: Bool) throws -> Value {
        let s = try makeSet(vm, items)
        return frozen ? .object(PyFrozenSet(s)) : .object(s)
    }

    /// Membership test against any set-like value, or a temporary set built from an iterable.
    static func lookupSet(_ vm: VM, _ v: Value) throws -> PySet {
        if let s = pySet(v) { return s }
        return try makeSet(vm, try vm.toArray(v))
    }

    // MARK: CPython iteration order

    private static let linearProbes = 9

    /// The elements of `s` in the order CPython would iterate them.
    static func orderedElements(_ s: PySet) -> [Value] {
        let (keys, hashes) = s.elementsAndHashes
        let n = keys.count
        if n <= 1 { return keys }
        var mask = 7
        var table = [Int](repeating: -1, count: 8)  // index into keys, -1 = empty
        var fill = 0
        func insertClean(_ table: inout [Int], _ mask: Int, _ e: Int) {
            let h = UInt(bitPattern: hashes[e])
            var perturb = h
            var i = Int(h & UInt(mask))
            while true {
                if table[i] < 0 { table[i] = e; return }
                if i + linearProbes <= mask {
                    for j in 1...linearProbes where table[i + j] < 0 { table[i + j] = e; return }
                }
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        for e in 0..<n {
            insertClean(&table, mask, e)
            fill += 1
            if fill * 5 >= mask * 3 {
                let minused = fill > 50000 ? fill * 2 : fill * 4
                var newsize = 8
                while newsize <= minused { newsize <<= 1 }
                var newTable = [Int](repeating: -1, count: newsize)
                for slot in table where slot >= 0 { insertClean(&newTable, newsize - 1, slot) }
                table = newTable
                mask = newsize - 1
            }
        }
        var out: [Value] = []
        out.reserveCapacity(n)
        for slot in table where slot >= 0 { out.append(keys[slot]) }
        return out
    }

    static func orderedElements(_ v: Value) -> [Value]? {
        guard let s = pySet(v) else { return nil }
        return orderedElements(s)
    }
}

extension PySet {
    /// Live elements with their hashes, in insertion order (one consistent snapshot).
    var elementsAndHashes: ([Value], [Int]) {
        var keys: [Value] = [], hashes: [Int] = []
        var pos = 0
        // `element(from:)` takes the lock per element; build from one snapshot instead when possible.
        let ks = elements, hs = self.hashes
        if ks.count == hs.count { return (ks, hs) }
        while let e = element(from: pos) {
            keys.append(e.key)
            hashes.append(Hashing.fast(e.key).hashValueOrZero)
            pos = e.next
        }
        return (keys, hashes)
    }
}

extension Hashing.Result {
    var hashValueOrZero: Int { if case .hash(let h) = self { return h }; return 0 }
}
