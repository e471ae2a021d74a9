/// `dict`. Keys are looked up through `PyDict`, which runs `__hash__`/`__eq__` outside its lock.
extension RuntimeSetup {
    @inline(__always)
    static func selfDict(_ args: Args, _ name: String) throws -> PyDict {
        try TypeSupport.selfAs(args, PyDict.self, "dict", name)
    }

    static let dictReverseKeyIterator = PyType(builtin: "dict_reversekeyiterator", base: .object)
    static let dictReverseValueIterator = PyType(builtin: "dict_reversevalueiterator", base: .object)
    static let dictReverseItemIterator = PyType(builtin: "dict_reverseitemiterator", base: .object)

    enum DictIterKind { case keys, values, items }

    /// Iterates the live dict; RuntimeError when its size changes meanwhile (as CPython).
    static func dictIterator(_ d: PyDict, _ kind: DictIterKind) -> PyNativeIterator {
        let type: PyType = kind == .keys ? PyType.dictKeyIterator : kind == .values ? PyType.dictValueIterator : PyType.dictItemIterator
        let size = d.count
        var pos = 0
        var failed = false
        let wantKey = kind != .values, wantValue = kind != .keys
        return PyNativeIterator(type: type) { vm in
            if failed { return nil }
            switch d.iterStep(from: pos, size: size, wantKey: wantKey, wantValue: wantValue, holdingGIL: vm.gilHeld) {
            case .sizeChanged:
                failed = true
                throw PyError.runtime("dictionary changed size during iteration")
            case .end:
                return nil
            case .entry(let key, let value, let next):
                pos = next
                switch kind {
                case .keys: return key
                case .values: return value
                case .items: return .object(PyTuple([key, value]))
                }
            }
        }
    }

    static func dictReversed(_ d: PyDict, _ kind: DictIterKind) -> PyNativeIterator {
        let type: PyType = kind == .keys ? dictReverseKeyIterator : kind == .values ? dictReverseValueIterator : dictReverseItemIterator
        let items = d.items
        let size = d.count
        var i = items.count
        return PyNativeIterator(type: type) { _ in
            if d.count != size { i = 0; throw PyError.runtime("dictionary changed size during iteration") }
            guard i > 0 else { return nil }
            i -= 1
            switch kind {
            case .keys: return items[i].0
            case .values: return items[i].1
            case .items: return .object(PyTuple([items[i].0, items[i].1]))
            }
        }
    }

    /// `dict.update(other)`: a dict, a mapping with `keys()`, or an iterable of pairs.
    static func dictUpdate(_ vm: VM, _ d: PyDict, _ other: Value) throws {
        if case .object(let o) = other, let od = o as? PyDict {
            for (k, v) in od.items { try d.set(k, v, vm: vm) }
            return
        }
        if try vm.getAttrOrNil(other, PyStr.intern("keys")) != nil {
            let keys = try vm.toArray(try vm.call(try vm.getAttr(other, "keys"), Args()))
            for k in keys { try d.set(k, try vm.getItem(other, k), vm: vm) }
            return
        }
        let it = try vm.iter(other)
        var n = 0
        while let item = try vm.next(it) {
            let pair: [Value]
            if case .object(let o) = item, let t = o as? PyTuple { pair = t.items }
            else if case .object(let o) = item, let l = o as? PyList { pair = l.items }
            else {
                do { pair = try vm.toArray(item) } catch let e as PyError where e.exception.isInstance(of: .typeError) {
                    throw PyError.type("cannot convert dictionary update sequence element #\(n) to a sequence")
                }
            }
            if pair.count != 2 {
                throw PyError.value("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1], vm: vm)
            n += 1
        }
    }

    static func dictEquals(_ vm: VM, _ a: PyDict, _ b: PyDict) throws -> Bool {
        if a === b { return true }
        if a.count != b.count { return false }
        for (k, v) in a.items {
            guard let bv = try b.get(k, vm: vm) else { return false }
            if try !TypeSupport.sameOrEqual(vm, v, bv) { return false }
        }
        return true
    }

    static func installDictType() {
        let t = PyType.dict
        t.method("__len__") { _, args in .int(try selfDict(args, "__len__").count) }
        t.method("__iter__") { _, args in .object(dictIterator(try selfDict(args, "__iter__"), .keys)) }
        t.method("__reversed__") { _, args in .object(dictReversed(try selfDict(args, "__reversed__"), .keys)) }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let d = try selfDict(args, "__getitem__")
            if let v = try d.get(args[1], vm: vm) { return v }
            throw PyError.key(args[1])
        }
        t.method("__setitem__") { vm, args in
            try TypeSupport.need(args, 2, "__setitem__")
            try selfDict(args, "__setitem__").set(args[1], args[2], vm: vm)
            return .none
        }
        t.method("__delitem__") { vm, args in
            try TypeSupport.need(args, 1, "__delitem__")
            if try selfDict(args, "__delitem__").remove(args[1], vm: vm) == nil { throw PyError.key(args[1]) }
            return .none
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            return .bool(try selfDict(args, "__contains__").contains(args[1], vm: vm))
        }
        for (name, negate) in [("__eq__", false), ("__ne__", true)] {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfDict(args, name)
                guard case .object(let o) = args[1], let b = o as? PyDict else { return notImplementedValue }
                return .bool(try dictEquals(vm, a, b) != negate)
            }
        }
        t.receiverMethod(PyDict.self, "dict", "__repr__") { vm, d, args in
            if let s = Repr.fast(args[0]) { return .str(s) }
            return .str(try ReprGuard.with(d, recursive: "{...}") {
                var parts: [String] = []
                for (k, v) in d.items { parts.append(try vm.repr(k) + ": " + vm.repr(v)) }
                return "{" + parts.joined(separator: ", ") + "}"
            })
        }
        t.method("__or__") { vm, args in
            try TypeSupport.need(args, 1, "__or__")
            let a = try selfDict(args, "__or__")
            guard case .object(let o) = args[1], let b = o as? PyDict else { return notImplementedValue }
            let r = a.copy()
            for (k, v) in b.items { try r.set(k, v, vm: vm) }
            return .object(r)
        }
        t.method("__ror__") { vm, args in
            try TypeSupport.need(args, 1, "__ror__")
            let a = try selfDict(args, "__ror__")
            guard case .object(let o) = args[1], let b = o as? PyDict else { return notImplementedValue }
            let r = b.copy()
            for (k, v) in a.items { try r.set(k, v, vm: vm) }
            return .object(r)
        }
        t.method("__ior__") { vm, args in
            try TypeSupport.need(args, 1, "__ior__")
            try dictUpdate(vm, try selfDict(args, "__ior__"), args[1])
            return args[0]
        }
        t.dict.setStr("__hash__", .none)
        t.method("keys") { _, args in .object(PyDictView(try selfDict(args, "keys"), .keys)) }
        t.method("values") { _, args in .object(PyDictView(try selfDict(args, "values"), .values)) }
        t.method("items") { _, args in .object(PyDictView(try selfDict(args, "items"), .items)) }
        t.receiverMethod(PyDict.self, "dict", "get") { vm, d, args in
            try TypeSupport.check(args, "get", 1, 2)
            // A method runs on a thread executing bytecode, so with the GIL on it holds it.
            if vm.gilHeld, case .hash(let h) = Hashing.fast(args[1]) {
                switch d.lookupHoldingGIL(args[1], hash: h) {
                case .found(let v): return v
                case .absent: return args.count > 2 ? args[2] : .none
                case .undecided: break
                }
            }
            return try d.get(args[1], vm: vm) ?? (args.count > 2 ? args[2] : .none)
        }
        t.receiverMethod(PyDict.self, "dict", "setdefault") { vm, d, args in
            try TypeSupport.check(args, "setdefault", 1, 2)
            if let v = try d.get(args[1], vm: vm) { return v }
            let def = args.count > 2 ? args[2] : .none
            try d.set(args[1], def, vm: vm)
            return def
        }
        t.receiverMethod(PyDict.self, "dict", "pop") { vm, d, args in
            try TypeSupport.check(args, "pop", 1, 2)
            if let v = try d.remove(args[1], vm: vm) { return v }
            if args.count > 2 { return args[2] }
            throw PyError.key(args[1])
        }
        t.method("popitem") { _, args in
            try TypeSupport.check(args, "dict.popitem", 0, 0)
            guard let (k, v) = try selfDict(args, "popitem").popLast() else {
                throw PyError(PyBaseException(type: .keyError, args: [.str("popitem(): dictionary is empty")]))
            }
            return .object(PyTuple([k, v]))
        }
        t.receiverMethod(PyDict.self, "dict", "update") { vm, d, args in
            if args.count > 2 { throw PyError.type("update expected at most 1 argument, got \(args.count - 1)") }
            if args.count == 2 { try dictUpdate(vm, d, args[1]) }
            for (k, v) in zip(args.kwnames, args.kwvalues) { try d.set(.str(k), v, vm: vm) }
            return .none
        }
        t.method("copy") { _, args in .object(try selfDict(args, "copy").copy()) }
        t.method("clear") { _, args in
            try selfDict(args, "clear").removeAll()
            return .none
        }
        t.classMethod("fromkeys") { vm, type, args in
            try Args(args.positional).check("fromkeys", min: 1, max: 2)
            if type !== PyType.dict { throw PyError.type("subclassing dict is not supported yet") }
            let d = PyDict()
            let v = args.count > 1 ? args[1] : .none
            for k in try vm.toArray(args[0]) { try d.set(k, v, vm: vm) }
            return .object(d)
        }
        t.constructor = { vm, type, args in
            if type !== PyType.dict { throw PyError.type("subclassing dict is not supported yet") }
            if args.count > 1 { throw PyError.type("dict expected at most 1 argument, got \(args.count)") }
            let d = PyDict()
            if let x = args.first { try dictUpdate(vm, d, x) }
            for (k, v) in zip(args.kwnames, args.kwvalues) { try d.set(.str(k), v, vm: vm) }
            return .object(d)
        }
    }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
public final class PyDictView: PyObject, @unchecked Sendable {
    public let dict: PyDict
    let kind: RuntimeSetup.DictIterKind
    init(_ dict: PyDict, _ kind: RuntimeSetup.DictIterKind) {
        self.dict = dict
        self.kind = kind
        super.init(type: kind == .keys ? PyType.dictKeys : kind == .values ? PyType.dictValues : PyType.dictItems)
    }
}
