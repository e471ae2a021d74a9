/// Iteration builtins: iter, next, sorted, any, all — and the stable sort they share with `list.sort`.
extension Builtins {
    static var iterationFunctions: [NativeBinding] {
        [
            NativeBinding("iter", iter),
            NativeBinding("next", next),
            NativeBinding("sorted", { vm, args in
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
            NativeBinding("any", { vm, args in
                let it = try vm.iter(try one(args, "any"))
                while let v = try vm.next(it) { if try vm.truthy(v) { return .bool(true) } }
                return .bool(false)
            }),
            NativeBinding("all", { vm, args in
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

    /// Sorts `items` in place, stably, comparing keys with `<` only (as `list.sort` does); `reverse`
    /// keeps equal items in their original order, like CPython. One implementation with `list.sort`
    /// (`SortSupport`), including its native paths for int, str and tuple keys.
    public static func sortValues(_ vm: VM, _ items: inout [Value], key: Value = .none, reverse: Bool = false) throws {
        items = try SortSupport.sorted(vm, items, key: key.isNone ? nil : key, reverse: reverse)
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
