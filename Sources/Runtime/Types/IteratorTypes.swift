/// Iterator types (`__iter__`/`__next__` for the builtin iterators), dict views, and the iterator
/// constructors enumerate, zip, map, filter and reversed.
extension RuntimeSetup {
    static func installIteratorTypes() {
        let iterTypes: [PyType] = [
            PyType.listIterator, PyType.tupleIterator, PyType.strIterator, PyType.rangeIterator,
            PyType.dictKeyIterator, PyType.dictValueIterator, PyType.dictItemIterator, PyType.setIterator,
            PyType.bytesIterator, PyType.enumerate, PyType.zip, PyType.map, PyType.filter, PyType.reversed,
            PyType.callableIterator, PyType.nativeIterator, listReverseIterator, dictReverseKeyIterator,
            dictReverseValueIterator, dictReverseItemIterator, strIteratorType,
        ]
        for t in iterTypes {
            t.method("__iter__") { _, args in args[0] }
            t.method("__next__") { vm, args in
                guard let it = args.first, it.asObject is PyNativeIterator || it.asObject is PyListIterator || it.asObject is PyIntRangeIterator else {
                    throw PyError.type("descriptor '__next__' requires a '\(t.name)' object")
                }
                if let v = try vm.next(it) { return v }
                throw PyError.stopIteration()
            }
        }
        installDictViews()
        installIteratorConstructors()
        installGenericAlias()
    }

    private static func installIteratorConstructors() {
        PyType.enumerate.constructor = { vm, type, args in
            try args.check("enumerate", min: 0, max: 2, keywords: ["iterable", "start"])
            guard let iterable = args.get(0, "iterable") else {
                throw PyError.type("enumerate() missing required argument 'iterable' (pos 1)")
            }
            var n: Value = .int(0)
            if let s = args.get(1, "start") {
                guard TypeSupport.isIntLike(s) || (s.asObject != nil && s.type.lookup(Names.index) != nil) else {
                    throw PyError.type("'\(s.typeName)' object cannot be interpreted as an integer")
                }
                n = intValue(IntMath.big(s) != nil ? s : .int(try vm.index(s)))
            }
            let it = try vm.iter(iterable)
            return .object(PyNativeIterator(type: PyType.enumerate) { vm in
                guard let v = try vm.next(it) else { return nil }
                let r = Value.object(PyTuple([n, v]))
                n = IntMath.add(n, .int(1))
                return r
            })
        }
        PyType.zip.constructor = { vm, type, args in
            for k in args.kwnames where k != "strict" {
                throw PyError.type("zip() got an unexpected keyword argument '\(k)'")
            }
            let strict = try args.keyword("strict").map { try vm.truthy($0) } ?? false
            var its: [Value] = []
            for (i, a) in args.positional.enumerated() {
                do { its.append(try vm.iter(a)) } catch let e as PyError where e.exception.isInstance(of: .typeError) {
                    if a.type.lookup(Names.iter) == nil && a.type.lookup(Names.getitem) == nil {
                        throw PyError.type("zip argument #\(i + 1) must support iteration")
                    }
                    throw e
                }
            }
            if its.isEmpty { return .object(PyNativeIterator(type: PyType.zip) { _ in nil }) }
            var done = false
            return .object(PyNativeIterator(type: PyType.zip) { vm in
                if done { return nil }
                var items: [Value] = []
                items.reserveCapacity(its.count)
                for (i, it) in its.enumerated() {
                    guard let v = try vm.next(it) else {
                        done = true
                        if strict {
                            if i > 0 {
                                throw PyError.value("zip() argument \(i + 1) is shorter than argument\(i == 1 ? "" : "s") 1\(i == 1 ? "" : "-\(i)")")
                            }
                            for (j, other) in its.enumerated().dropFirst() {
                                if try vm.next(other) != nil {
                                    throw PyError.value("zip() argument \(j + 1) is longer than argument\(j == 1 ? "" : "s") 1\(j == 1 ? "" : "-\(j)")")
                                }
                            }
                        }
                        return nil
                    }
                    items.append(v)
                }
                return .object(PyTuple(items))
            })
        }
        PyType.map.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("map() takes no keyword arguments") }
            if args.count < 2 { throw PyError.type("map() must have at least two arguments.") }
            let f = args[0]
            let its = try args.positional.dropFirst().map { try vm.iter($0) }
            if its.count == 1 {
                // One iterable (the common case): no argument array per item. PyNativeIterator stops
                // calling the closure once it returned nil.
                let it = its[0]
                return .object(PyNativeIterator(type: PyType.map) { vm in
                    guard let v = try vm.next(it) else { return nil }
                    return try vm.call(f, with: v)
                })
            }
            var done = false
            return .object(PyNativeIterator(type: PyType.map) { vm in
                if done { return nil }
                var items: [Value] = []
                items.reserveCapacity(its.count)
                for it in its {
                    guard let v = try vm.next(it) else { done = true; return nil }
                    items.append(v)
                }
                return items.count == 1 ? try vm.call(f, with: items[0]) : try vm.call(f, Args(items))
            })
        }
        PyType.filter.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("filter() takes no keyword arguments") }
            try args.check("filter", min: 2, max: 2)
            let f = args[0]
            let it = try vm.iter(args[1])
            return .object(PyNativeIterator(type: PyType.filter) { vm in
                while let v = try vm.next(it) {
                    let keep = f.isNone ? try vm.truthy(v) : try vm.truthy(try vm.call(f, with: v))
                    if keep { return v }
                }
                return nil
            })
        }
        PyType.reversed.constructor = { vm, type, args in
            if !args.kwnames.isEmpty { throw PyError.type("reversed() takes no keyword arguments") }
            try args.check("reversed", min: 1, max: 1)
            return try reversedIterator(vm, args[0])
        }
    }

    /// `reversed(seq)`: `__reversed__`, or the sequence protocol (`__len__` + `__getitem__`).
    static func reversedIterator(_ vm: VM, _ seq: Value) throws -> Value {
        if let m = seq.type.lookup(Names.reversed) {
            if m.isNone { throw PyError.type("'\(seq.typeName)' object is not reversible") }
            return try vm.callBound(m, seq, [])
        }
        guard seq.type.lookup(Names.getitem) != nil, seq.type.lookup(Names.len) != nil,
              !(seq.asObject is PyDict) else {
            throw PyError.type("'\(seq.typeName)' object is not reversible")
        }
        var i = try vm.len(seq) - 1
        if case .object(let o) = seq, let t = o as? PyTuple {
            let items = t.items
            return .object(PyNativeIterator(type: PyType.reversed) { _ in
                guard i >= 0 else { return nil }
                i -= 1
                return items[i + 1]
            })
        }
        return .object(PyNativeIterator(type: PyType.reversed) { vm in
            guard i >= 0 else { return nil }
            do {
                let v = try vm.getItem(seq, .int(i))
                i -= 1
                return v
            } catch let e as PyError where e.exception.isInstance(of: .indexError) || e.exception.isInstance(of: .stopIteration) {
                i = -1
                return nil
            }
        })
    }

    // MARK: dict views

    @inline(__always)
    private static func selfView(_ args: Args, _ t: PyType, _ name: String) throws -> PyDictView {
        if case .object(let o)? = args.first, let v = o as? PyDictView, v.type === t { return v }
        throw PyError.type("descriptor '\(name)' for '\(t.name)' objects doesn't apply to a '\(args.first?.typeName ?? "nothing")' object")
    }

    /// The items of a view as Python values (keys, values, or (key, value) tuples).
    static func viewItems(_ v: PyDictView) -> [Value] {
        switch v.kind {
        case .keys: return v.dict.keys
        case .values: return v.dict.values
        case .items: return v.dict.items.map { .object(PyTuple([$0.0, $0.1])) }
        }
    }

    static func viewContains(_ vm: VM, _ v: PyDictView, _ x: Value) throws -> Bool {
        switch v.kind {
        case .keys: return try v.dict.contains(x, vm: vm)
        case .values:
            for item in v.dict.values { if try TypeSupport.sameOrEqual(vm, item, x) { return true } }
            return false
        case .items:
            guard case .object(let o) = x, let t = o as? PyTuple, t.items.count == 2 else { return false }
            guard let val = try v.dict.get(t.items[0], vm: vm) else { return false }
            return try TypeSupport.sameOrEqual(vm, val, t.items[1])
        }
    }

    private static func isSetLike(_ v: Value) -> Bool {
        if SetSupport.isAnySet(v) { return true }
        if case .object(let o) = v, let dv = o as? PyDictView, dv.kind != .values { return true }
        return false
    }

    private static func installDictViews() {
        let names = [(PyType.dictKeys, "dict_keys"), (PyType.dictValues, "dict_values"), (PyType.dictItems, "dict_items")]
        for (t, tn) in names {
            t.isBaseType = false
            t.method("__len__") { _, args in .int(try selfView(args, t, "__len__").dict.count) }
            t.method("__iter__") { _, args in
                let v = try selfView(args, t, "__iter__")
                return .object(dictIterator(v.dict, v.kind))
            }
            t.method("__reversed__") { _, args in
                let v = try selfView(args, t, "__reversed__")
                return .object(dictReversed(v.dict, v.kind))
            }
            t.method("__contains__") { vm, args in
                try TypeSupport.need(args, 1, "__contains__")
                return .bool(try viewContains(vm, try selfView(args, t, "__contains__"), args[1]))
            }
            t.method("__repr__") { vm, args in
                let v = try selfView(args, t, "__repr__")
                return .str(try ReprGuard.with(v, recursive: "...") {
                    let parts = try viewItems(v).map { try vm.repr($0) }
                    return "\(tn)([" + parts.joined(separator: ", ") + "])"
                })
            }
            t.getter("mapping") { _, v in .object((v.asObject as! PyDictView).dict) }
            if t === PyType.dictValues { continue }
            t.dict.setStr("__hash__", .none)
            // Set operations: the result is a set built from the left operand.
            let ops: [(String, (VM, PySet, Value) throws -> Void)] = [
                ("or", { vm, s, o in for x in try vm.toArray(o) { try s.add(x, vm: vm) } }),
                ("and", { vm, s, o in
                    let other = try SetSupport.lookupSet(vm, o)
                    for x in s.elements { if try !other.contains(x, vm: vm) { try s.remove(x, vm: vm) } }
                }),
                ("sub", { vm, s, o in for x in try vm.toArray(o) { try s.remove(x, vm: vm) } }),
                ("xor", { vm, s, o in
                    let other = try SetSupport.makeSet(vm, try vm.toArray(o))
                    for x in other.elements { if try !s.remove(x, vm: vm) { try s.add(x, vm: vm) } }
                }),
            ]
            for (name, op) in ops {
                t.method("__\(name)__") { vm, args in
                    try TypeSupport.need(args, 1, "__\(name)__")
                    let v = try selfView(args, t, "__\(name)__")
                    let s = try SetSupport.makeSet(vm, viewItems(v))
                    try op(vm, s, args[1])
                    return .object(s)
                }
                t.method("__r\(name)__") { vm, args in
                    try TypeSupport.need(args, 1, "__r\(name)__")
                    _ = try selfView(args, t, "__r\(name)__")
                    let s = try SetSupport.makeSet(vm, try vm.toArray(args[1]))
                    try op(vm, s, args[0])
                    return .object(s)
                }
            }
            let cmps: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                             ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
            for (name, op) in cmps {
                t.method(name) { vm, args in
                    try TypeSupport.need(args, 1, name)
                    let v = try selfView(args, t, name)
                    guard isSetLike(args[1]) else { return notImplementedValue }
                    let a = try SetSupport.makeSet(vm, viewItems(v))
                    let b = try SetSupport.lookupSet(vm, args[1])
                    return .bool(try setCompare(vm, a, b, op))
                }
            }
            t.method("isdisjoint") { vm, args in
                try TypeSupport.check(args, "isdisjoint", 1, 1)
                let v = try selfView(args, t, "isdisjoint")
                for x in try vm.toArray(args[1]) { if try viewContains(vm, v, x) { return .bool(false) } }
                return .bool(true)
            }
        }
    }
}
