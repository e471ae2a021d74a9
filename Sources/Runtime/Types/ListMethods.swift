/// `list` methods (append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear) and the
/// stable merge sort shared with `sorted()`.
extension RuntimeSetup {
    static func installListMethods(_ t: PyType) {
        t.receiverMethod(PyList.self, "list", "append") { _, l, args in
            try TypeSupport.check(args, "list.append", 1, 1)
            l.append(args[1])
            return .none
        }
        t.receiverMethod(PyList.self, "list", "extend") { vm, l, args in
            try TypeSupport.check(args, "list.extend", 1, 1)
            let new = try vm.toArray(args[1])
            l.withItems { $0.append(contentsOf: new) }
            return .none
        }
        t.receiverMethod(PyList.self, "list", "insert") { vm, l, args in
            try TypeSupport.check(args, "insert", 2, 2)
            let i = try TypeSupport.intArg(vm, args[1])
            let v = args[2]
            l.withItems { items in
                var j = i < 0 ? i + items.count : i
                if j < 0 { j = 0 }
                if j > items.count { j = items.count }
                items.insert(v, at: j)
            }
            return .none
        }
        t.receiverMethod(PyList.self, "list", "pop") { vm, l, args in
            try TypeSupport.check(args, "pop", 0, 1)
            let i = args.count > 1 ? try TypeSupport.intArg(vm, args[1]) : -1
            let r: Result<Value, PyError> = l.withItems { items in
                if items.isEmpty { return .failure(PyError.index("pop from empty list")) }
                let j = i < 0 ? i + items.count : i
                guard j >= 0 && j < items.count else { return .failure(PyError.index("pop index out of range")) }
                return .success(j == items.count - 1 ? items.removeLast() : items.remove(at: j))
            }
            return try r.get()
        }
        t.receiverMethod(PyList.self, "list", "remove") { vm, l, args in
            try TypeSupport.check(args, "list.remove", 1, 1)
            let items = l.items
            for (i, item) in items.enumerated() {
                if try !TypeSupport.sameOrEqual(vm, item, args[1]) { continue }
                l.withItems { cur in
                    if i < cur.count && cur[i].isIdentical(item) { cur.remove(at: i) }
                    else if let k = cur.firstIndex(where: { $0.isIdentical(item) }) { cur.remove(at: k) }
                }
                return .none
            }
            throw PyError.value("list.remove(x): x not in list")
        }
        t.method("index") { vm, args in
            try TypeSupport.check(args, "index", 1, 3)
            let items = try selfList(args, "index").items
            if let i = try TypeSupport.indexOf(vm, items, args) { return .int(i) }
            throw PyError.value("\(try vm.repr(args[1])) is not in list")
        }
        t.method("count") { vm, args in
            try TypeSupport.check(args, "list.count", 1, 1)
            let items = try selfList(args, "count").items
            var n = 0
            for item in items { if try TypeSupport.sameOrEqual(vm, item, args[1]) { n += 1 } }
            return .int(n)
        }
        t.method("reverse") { _, args in
            try TypeSupport.check(args, "list.reverse", 0, 0)
            try selfList(args, "reverse").withItems { $0.reverse() }
            return .none
        }
        t.method("copy") { _, args in
            try TypeSupport.check(args, "list.copy", 0, 0)
            return .object(PyList(try selfList(args, "copy").items))
        }
        t.method("clear") { _, args in
            try TypeSupport.check(args, "list.clear", 0, 0)
            try selfList(args, "clear").replaceAll([])
            return .none
        }
        t.receiverMethod(PyList.self, "list", "sort") { vm, l, args in
            if args.count > 1 { throw PyError.type("sort() takes no positional arguments") }
            for k in args.kwnames where k != "key" && k != "reverse" {
                throw PyError.type("'\(k)' is an invalid keyword argument for sort()")
            }
            let key = args.keyword("key").flatMap { $0.isNone ? nil : $0 }
            let reverse = try args.keyword("reverse").map { try vm.truthy($0) } ?? false
            let original = l.items
            l.replaceAll([])
            let sorted: [Value]
            do {
                sorted = try SortSupport.sorted(vm, original, key: key, reverse: reverse)
            } catch {
                l.replaceAll(original)
                throw error
            }
            let modified = l.withItems { items -> Bool in
                let m = !items.isEmpty
                items = sorted
                return m
            }
            if modified { throw PyError.value("list modified during sort") }
            return .none
        }
    }
}

/// A stable merge sort using only `<` (as CPython's list.sort), comparing later items against earlier
/// ones so the TypeError for unorderable types names the operands in CPython's order.
enum SortSupport {
    static func sorted(_ vm: VM, _ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        if items.count < 2 { return items }
        let keys: [Value] = try key.map { k in try items.map { try vm.call(k, with: $0) } } ?? items
        if let r = try nativeSorted(items, keys: keys, keysAreItems: key == nil, reverse: reverse) { return r }
        // CPython's order of comparisons (which decides the message when `<` raises): keys made in the
        // original order, then reverse, sort ascending (stable), reverse back.
        var idx = Array(0..<items.count)
        if reverse { idx.reverse() }
        try mergeSort(&idx) { try vm.lessThan(keys[$0], keys[$1]) }
        if reverse { idx.reverse() }
        return idx.map { items[$0] }
    }

    /// The stable sort of `items` by `keys` when every key is compared natively (all ints, all strs,
    /// all tuples of ints, or keys made of ints/floats/strs/tuples): no Python code runs, so the
    /// result is the same whatever the comparison order. nil otherwise.
    static func nativeSorted(_ items: [Value], keys: [Value], keysAreItems: Bool, reverse: Bool) throws -> [Value]? {
        var idx = Array(0..<items.count)
        if let ints = allInts(keys) {
            if keysAreItems {
                // Equal ints are indistinguishable: no need to keep them in order.
                var sortedInts = ints
                sortedInts.sort()
                return reverse ? sortedInts.reversed().map { .int($0) } : sortedInts.map { .int($0) }
            }
            // Stable through the index tie-break.
            ints.withUnsafeBufferPointer { k in
                if reverse { idx.sort { k[$0] > k[$1] || (k[$0] == k[$1] && $0 < $1) } }
                else { idx.sort { k[$0] < k[$1] || (k[$0] == k[$1] && $0 < $1) } }
            }
            return idx.map { items[$0] }
        }
        if let strs = allStrs(keys) {
            // Compared through unretained references (the array keeps the strings alive): reading a
            // class reference out of the array retained and released it on every comparison. Stable
            // through the index tie-break.
            let us = strs.map { Unmanaged.passUnretained($0) }
            us.withUnsafeBufferPointer { k in
                func cmp(_ a: Int, _ b: Int) -> Int {
                    k[a]._withUnsafeGuaranteedRef { x in k[b]._withUnsafeGuaranteedRef { y in PyStr.compare(x, y) } }
                }
                if reverse { idx.sort { let c = cmp($0, $1); return c > 0 || (c == 0 && $0 < $1) } }
                else { idx.sort { let c = cmp($0, $1); return c < 0 || (c == 0 && $0 < $1) } }
            }
            return withExtendedLifetime(strs) { idx.map { items[$0] } }
        }
        if let (vals, offs) = intTuples(keys) {
            // Tuples of ints: compared lexicographically from one flat array (no boxing, no ARC),
            // stable through the index tie-break.
            vals.withUnsafeBufferPointer { v in
                offs.withUnsafeBufferPointer { o in
                    func cmp(_ a: Int, _ b: Int) -> Int {
                        var i = o[a], j = o[b]
                        let ei = o[a + 1], ej = o[b + 1]
                        while i < ei && j < ej {
                            if v[i] != v[j] { return v[i] < v[j] ? -1 : 1 }
                            i += 1; j += 1
                        }
                        let la = ei - o[a], lb = ej - o[b]
                        return la < lb ? -1 : (la == lb ? 0 : 1)
                    }
                    if reverse { idx.sort { let c = cmp($0, $1); return c > 0 || (c == 0 && $0 < $1) } }
                    else { idx.sort { let c = cmp($0, $1); return c < 0 || (c == 0 && $0 < $1) } }
                }
            }
            return idx.map { items[$0] }
        }
        if let nks = nativeKeys(keys) {
            do {
                if reverse { try mergeSort(&idx) { try NKey.less(nks[$1], nks[$0]) } }
                else { try mergeSort(&idx) { try NKey.less(nks[$0], nks[$1]) } }
                return idx.map { items[$0] }
            } catch is NKey.NeedsGeneric {
                return nil
            }
        }
        return nil
    }

    private static func nativeKeys(_ keys: [Value]) -> [NKey]? {
        var out: [NKey] = []
        out.reserveCapacity(keys.count)
        for k in keys {
            guard let n = NKey.make(k, depth: 0) else { return nil }
            out.append(n)
        }
        return out
    }

    /// Keys that are all tuples of ints: their items laid end to end, and each key's start offset
    /// (plus the end).
    private static func intTuples(_ keys: [Value]) -> ([Int], [Int])? {
        var vals: [Int] = []
        var offs: [Int] = []
        offs.reserveCapacity(keys.count + 1)
        offs.append(0)
        for k in keys {
            guard case .object(let o) = k, o.type === PyType.tuple, let t = o as? PyTuple else { return nil }
            for x in t.items {
                guard case .int(let n) = x else { return nil }
                vals.append(n)
            }
            offs.append(vals.count)
        }
        return (vals, offs)
    }

    private static func allInts(_ keys: [Value]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(keys.count)
        for k in keys {
            switch k {
            case .int(let n): out.append(n)
            default: return nil
            }
        }
        return out
    }

    private static func allStrs(_ keys: [Value]) -> [PyStr]? {
        var out: [PyStr] = []
        out.reserveCapacity(keys.count)
        for k in keys {
            guard case .object(let o) = k, let s = o as? PyStr else { return nil }
            out.append(s)
        }
        return out
    }

    /// Stable: an element moves before an earlier one only when `less(later, earlier)`.
    static func mergeSort(_ a: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        let n = a.count
        // Binary insertion sort of runs of 16 (as CPython's binarysort: the same comparisons for small lists).
        let run = 16
        var start = 0
        while start < n {
            let end = Swift.min(start + run, n)
            var i = start + 1
            while i < end {
                let x = a[i]
                var lo = start, hi = i
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if try less(x, a[mid]) { hi = mid } else { lo = mid + 1 }
                }
                var j = i
                while j > lo { a[j] = a[j - 1]; j -= 1 }
                a[lo] = x
                i += 1
            }
            start = end
        }
        if n <= run { return }
        var buf = [Int](repeating: 0, count: n)
        var width = run
        while width < n {
            var lo = 0
            while lo < n {
                let mid = Swift.min(lo + width, n), hi = Swift.min(lo + 2 * width, n)
                if mid < hi, try less(a[mid], a[mid - 1]) {
                    var i = lo, j = mid, k = lo
                    while i < mid && j < hi {
                        if try less(a[j], a[i]) { buf[k] = a[j]; j += 1 } else { buf[k] = a[i]; i += 1 }
                        k += 1
                    }
                    while i < mid { buf[k] = a[i]; i += 1; k += 1 }
                    while j < hi { buf[k] = a[j]; j += 1; k += 1 }
                    for m in lo..<hi { a[m] = buf[m] }
                }
                lo = hi
            }
            width *= 2
        }
    }
}

/// A sort key made of ints, floats, strs and tuples of those, compared without calling into the VM
/// (the result equals Python's `<`; mixed kinds that Python would reject make the sort fall back to the
/// generic path, which raises the TypeError). Not `indirect` (the tuple case recurses through an
/// array already): an indirect enum boxed every int key, and each comparison retained the boxes.
enum NKey {
    case int(Int), float(Double), str(PyStr), tuple([NKey])
    struct NeedsGeneric: Error {}

    static func make(_ v: Value, depth: Int) -> NKey? {
        switch v {
        case .int(let n): return .int(n)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(d)
        case .object(let o):
            if let s = o as? PyStr { return .str(s) }
            if depth < 4, let t = o as? PyTuple {
                var items: [NKey] = []
                items.reserveCapacity(t.items.count)
                for x in t.items { guard let n = make(x, depth: depth + 1) else { return nil }; items.append(n) }
                return .tuple(items)
            }
            return nil
        default: return nil
        }
    }

    static func eq(_ a: NKey, _ b: NKey) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)): return IntMath.compareSmall(x, y) == 0
        case (.float(let x), .int(let y)): return IntMath.compareSmall(y, x) == 0
        case (.str(let x), .str(let y)): return RuntimeSetup.strEquals(x, y)
        case (.tuple(let x), .tuple(let y)):
            if x.count != y.count { return false }
            for (p, q) in zip(x, y) where !eq(p, q) { return false }
            return true
        default: return false
        }
    }

    static func less(_ a: NKey, _ b: NKey) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.int(let x), .float(let y)): return IntMath.compareSmall(x, y) == -1
        case (.float(let x), .int(let y)): return IntMath.compareSmall(y, x) == 1
        case (.str(let x), .str(let y)): return PyStrOrdering.less(x, y)
        case (.tuple(let x), .tuple(let y)):
            var i = 0
            while i < x.count && i < y.count {
                if !eq(x[i], y[i]) { return try less(x[i], y[i]) }
                i += 1
            }
            return x.count < y.count
        default: throw NeedsGeneric()
        }
    }
}
