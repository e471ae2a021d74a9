/// Iteration builtins: iter, next, sorted, any, all — and the stable sort they share with `list.sort`.
extension Builtins {
    static var iterationFunctions: [(String, NativeFunction)] {
        [
            ("iter", iter),
            ("next", next),
            ("sorted", { vm, args in
                if args.count != 1 { throw PyError.type("sorted expected 1 argument, got \(args.count)") }
                var key: Value = .none, reverse = false
                for (k, v) in zip(args.kwnames, args.kwvalues) {
                    switch k {
                    case "key": key = v
                    case "reverse": reverse = try vm.truthy(v)
                    default: throw PyError.type("'\(k)' is an invalid keyword argument for sort()")
                    }
                }
                var items = try vm.toArray(args[0])
                try sortValues(vm, &items, key: key, reverse: reverse)
                return .object(PyList(items))
            }),
            ("any", { vm, args in
                let it = try vm.iter(try one(args, "any"))
                while let v = try vm.next(it) { if try vm.truthy(v) { return .bool(true) } }
                return .bool(false)
            }),
            ("all", { vm, args in
                let it = try vm.iter(try one(args, "all"))
                while let v = try vm.next(it) { if !(try vm.truthy(v)) { return .bool(false) } }
                return .bool(true)
            }),
        ]
    }

    static func iter(_ vm: VM, _ args: Args) throws -> Value {
        try args.check("iter", min: 1, max: 2)
        if args.count == 1 { return try vm.iter(args[0]) }
        let fn = args[0], sentinel = args[1]
        guard isCallable(fn) else { throw PyError.type("iter(v, w): v must be callable") }
        var finished = false
        return .object(PyNativeIterator(type: .callableIterator) { vm in
            if finished { return nil }
            let v: Value
            do { v = try vm.call(fn, Args()) }
            catch let e as PyError where e.exception.isInstance(of: .stopIteration) { finished = true; return nil }
            if try vm.equals(v, sentinel) { finished = true; return nil }
            return v
        })
    }

    /// `next(it[, default])`. A generator's return value travels in the StopIteration, as in CPython.
    static func next(_ vm: VM, _ args: Args) throws -> Value {
        try args.check("next", min: 1, max: 2)
        let it = args[0]
        let fallback: Value? = args.count == 2 ? args[1] : nil
        if case .object(let o) = it {
            if let g = o as? PyGenerator {
                switch try g.resume(vm, send: .none, throwing: nil) {
                case .yielded(let v): return v
                case .returned(let r):
                    if let d = fallback { return d }
                    throw PyError.stopIteration(r.isNone ? .null : r)
                }
            }
            if o is PyNativeIterator || o is PyListIterator {
                if let v = try vm.next(it) { return v }
                if let d = fallback { return d }
                throw PyError.stopIteration()
            }
        }
        guard let m = it.type.lookup(Names.next) else {
            throw PyError.type("'\(it.typeName)' object is not an iterator")
        }
        do {
            return try vm.callBound(m, it, [])
        } catch let e as PyError where fallback != nil && e.exception.isInstance(of: .stopIteration) {
            return fallback!
        }
    }

    /// Sorts `items` in place, stably, comparing keys with `<` only (as `list.sort` does). `reverse`
    /// keeps equal items in their original order, like CPython (reverse, sort, reverse).
    public static func sortValues(_ vm: VM, _ items: inout [Value], key: Value = .none, reverse: Bool = false) throws {
        if items.count < 2 { return }
        if key.isNone, let r = try SortSupport.nativeSorted(items, keys: items, keysAreItems: true, reverse: reverse) { items = r; return }
        if reverse { items.reverse() }
        var keys = key.isNone ? items : try items.map { try vm.call(key, with: $0) }
        var perm = Array(0..<items.count)
        try mergeSort(&perm, keys: keys) { a, b in try vm.lessThan(a, b) }
        items = perm.map { items[$0] }
        keys = []
        if reverse { items.reverse() }
    }

    /// Stable merge sort of indices into `keys` (binary insertion for short runs).
    private static func mergeSort(_ perm: inout [Int], keys: [Value], less: (Value, Value) throws -> Bool) throws {
        let n = perm.count
        let run = 16
        var start = 0
        while start < n {
            let end = min(start + run, n)
            var i = start + 1
            while i < end {
                let x = perm[i]
                var lo = start, hi = i
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if try less(keys[x], keys[perm[mid]]) { hi = mid } else { lo = mid + 1 }
                }
                var j = i
                while j > lo { perm[j] = perm[j - 1]; j -= 1 }
                perm[lo] = x
                i += 1
            }
            start = end
        }
        var width = run
        var buffer = perm
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                if mid < hi, !(try less(keys[perm[mid]], keys[perm[mid - 1]])) {
                    // Already ordered: copy through.
                    while k < hi { buffer[k] = perm[k]; k += 1 }
                } else {
                    while i < mid && j < hi {
                        if try less(keys[perm[j]], keys[perm[i]]) { buffer[k] = perm[j]; j += 1 }
                        else { buffer[k] = perm[i]; i += 1 }
                        k += 1
                    }
                    while i < mid { buffer[k] = perm[i]; i += 1; k += 1 }
                    while j < hi { buffer[k] = perm[j]; j += 1; k += 1 }
                }
                lo = hi
            }
            swap(&perm, &buffer)
            width *= 2
        }
    }

    /// `callable(v)`.
    public static func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o {
        case is PyFunction, is PyBuiltinFunction, is PyMethod, is PyType: return true
        default: return o.type.lookup(Names.call) != nil
        }
    }
}
