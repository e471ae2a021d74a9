/// `set` and `frozenset`. Both share the methods that do not mutate; results of binary operations have
/// the type of the left operand.
extension RuntimeSetup {
    /// The PySet behind `args[0]` for a set or frozenset method, plus whether it is frozen.
    private static func selfAnySet(_ args: Args, _ typeName: String, _ name: String) throws -> (PySet, Bool) {
        if case .object(let o)? = args.first {
            if let s = o as? PySet, typeName == "set" { return (s, false) }
            if let f = o as? PyFrozenSet, typeName == "frozenset" { return (f.set, true) }
        }
        let got = args.first?.typeName ?? "nothing"
        throw PyError.type("descriptor '\(name)' for '\(typeName)' objects doesn't apply to a '\(got)' object")
    }

    static func installSetTypes() {
        installSetCommon(PyType.set, "set", frozen: false)
        installSetCommon(PyType.frozenset, "frozenset", frozen: true)
        installSetMutators(PyType.set)
        PyType.set.dict.setStr("__hash__", .none)
        PyType.frozenset.method("__hash__") { _, args in
            guard case .object(let o)? = args.first, let f = o as? PyFrozenSet else {
                throw PyError.type("descriptor '__hash__' requires a 'frozenset' object")
            }
            return .int(f.cachedHash)
        }
        PyType.set.constructor = { vm, type, args in
            if type !== PyType.set { throw PyError.type("subclassing set is not supported yet") }
            if !args.kwnames.isEmpty { throw PyError.type("set() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("set expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .object(PySet()) }
            let items = try SetSupport.orderedElements(x) ?? vm.toArray(x)
            return .object(try SetSupport.makeSet(vm, items))
        }
        PyType.frozenset.constructor = { vm, type, args in
            if type !== PyType.frozenset { throw PyError.type("subclassing frozenset is not supported yet") }
            if !args.kwnames.isEmpty { throw PyError.type("frozenset() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("frozenset expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .object(PyFrozenSet(PySet())) }
            if case .object(let o) = x, o is PyFrozenSet { return x }
            let items = try SetSupport.orderedElements(x) ?? vm.toArray(x)
            return .object(PyFrozenSet(try SetSupport.makeSet(vm, items)))
        }
    }

    private static func installSetCommon(_ t: PyType, _ tn: String, frozen: Bool) {
        t.method("__len__") { _, args in .int(try selfAnySet(args, tn, "__len__").0.count) }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            let (s, _) = try selfAnySet(args, tn, "__contains__")
            return .bool(try s.contains(SetSupport.frozenKey(args[1]), vm: vm))
        }
        t.method("__iter__") { _, args in
            let (s, _) = try selfAnySet(args, tn, "__iter__")
            return .object(setIterator(s))
        }
        t.method("__repr__") { vm, args in
            let (s, _) = try selfAnySet(args, tn, "__repr__")
            if let r = Repr.fast(args[0]) { return .str(r) }
            let items = SetSupport.orderedElements(s)
            if items.isEmpty { return .str("\(tn)()") }
            return .str(try ReprGuard.with(s, recursive: "\(tn)(...)") {
                let body = "{" + (try items.map { try vm.repr($0) }).joined(separator: ", ") + "}"
                return frozen ? "frozenset(\(body))" : body
            })
        }
        // Binary operators: both operands must be sets.
        let binops: [(String, (VM, [Value], [Value], PySet, PySet) throws -> [Value])] = [
            ("or", { _, a, b, _, _ in a + b }),
            ("and", { vm, a, _, _, bs in try a.filter { try bs.contains($0, vm: vm) } }),
            ("sub", { vm, a, _, _, bs in try a.filter { try !bs.contains($0, vm: vm) } }),
            ("xor", { vm, a, b, as_, bs in
                try a.filter { try !bs.contains($0, vm: vm) } + b.filter { try !as_.contains($0, vm: vm) } }),
        ]
        for (name, op) in binops {
            t.method("__\(name)__") { vm, args in
                try TypeSupport.need(args, 1, "__\(name)__")
                let (s, fz) = try selfAnySet(args, tn, "__\(name)__")
                guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
                let r = try op(vm, SetSupport.orderedElements(s), SetSupport.orderedElements(o), s, o)
                return try SetSupport.make(vm, r, frozen: fz)
            }
            t.method("__r\(name)__") { vm, args in
                try TypeSupport.need(args, 1, "__r\(name)__")
                let (s, _) = try selfAnySet(args, tn, "__r\(name)__")
                guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
                let r = try op(vm, SetSupport.orderedElements(o), SetSupport.orderedElements(s), o, s)
                return try SetSupport.make(vm, r, frozen: args[1].asObject is PyFrozenSet)
            }
        }
        let cmps: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                         ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in cmps {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let (s, _) = try selfAnySet(args, tn, name)
                guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
                return .bool(try setCompare(vm, s, o, op))
            }
        }
        t.method("issubset") { vm, args in
            try TypeSupport.check(args, "issubset", 1, 1)
            let (s, _) = try selfAnySet(args, tn, "issubset")
            let o = try SetSupport.lookupSet(vm, args[1])
            return .bool(try setCompare(vm, s, o, .le))
        }
        t.method("issuperset") { vm, args in
            try TypeSupport.check(args, "issuperset", 1, 1)
            let (s, _) = try selfAnySet(args, tn, "issuperset")
            for x in try vm.toArray(args[1]) { if try !s.contains(x, vm: vm) { return .bool(false) } }
            return .bool(true)
        }
        t.method("isdisjoint") { vm, args in
            try TypeSupport.check(args, "isdisjoint", 1, 1)
            let (s, _) = try selfAnySet(args, tn, "isdisjoint")
            for x in try vm.toArray(args[1]) { if try s.contains(x, vm: vm) { return .bool(false) } }
            return .bool(true)
        }
        t.method("copy") { vm, args in
            let (s, fz) = try selfAnySet(args, tn, "copy")
            if fz { return args[0] }
            return .object(try SetSupport.makeSet(vm, SetSupport.orderedElements(s)))
        }
        t.method("union") { vm, args in
            let (s, fz) = try selfAnySet(args, tn, "union")
            var items = SetSupport.orderedElements(s)
            for other in args.positional.dropFirst() {
                items += try SetSupport.orderedElements(other) ?? vm.toArray(other)
            }
            return try SetSupport.make(vm, items, frozen: fz)
        }
        t.method("intersection") { vm, args in
            let (s, fz) = try selfAnySet(args, tn, "intersection")
            var items = SetSupport.orderedElements(s)
            for other in args.positional.dropFirst() {
                let o = try SetSupport.lookupSet(vm, other)
                items = try items.filter { try o.contains($0, vm: vm) }
            }
            return try SetSupport.make(vm, items, frozen: fz)
        }
        t.method("difference") { vm, args in
            let (s, fz) = try selfAnySet(args, tn, "difference")
            var items = SetSupport.orderedElements(s)
            for other in args.positional.dropFirst() {
                let o = try SetSupport.lookupSet(vm, other)
                items = try items.filter { try !o.contains($0, vm: vm) }
            }
            return try SetSupport.make(vm, items, frozen: fz)
        }
        t.method("symmetric_difference") { vm, args in
            try TypeSupport.check(args, "symmetric_difference", 1, 1)
            let (s, fz) = try selfAnySet(args, tn, "symmetric_difference")
            let o = try SetSupport.lookupSet(vm, args[1])
            let a = SetSupport.orderedElements(s), b = SetSupport.orderedElements(o)
            let r = try a.filter { try !o.contains($0, vm: vm) } + b.filter { try !s.contains($0, vm: vm) }
            return try SetSupport.make(vm, r, frozen: fz)
        }
    }

    private static func installSetMutators(_ t: PyType) {
        func selfSet(_ args: Args, _ name: String) throws -> PySet {
            try TypeSupport.selfAs(args, PySet.self, "set", name)
        }
        t.receiverMethod(PySet.self, "set", "add") { vm, s, args in
            try TypeSupport.check(args, "set.add", 1, 1)
            try s.add(args[1], vm: vm)
            return .none
        }
        t.method("discard") { vm, args in
            try TypeSupport.check(args, "set.discard", 1, 1)
            try selfSet(args, "discard").remove(SetSupport.frozenKey(args[1]), vm: vm)
            return .none
        }
        t.method("remove") { vm, args in
            try TypeSupport.check(args, "set.remove", 1, 1)
            if try !selfSet(args, "remove").remove(SetSupport.frozenKey(args[1]), vm: vm) { throw PyError.key(args[1]) }
            return .none
        }
        t.receiverMethod(PySet.self, "set", "pop") { vm, s, args in
            try TypeSupport.check(args, "set.pop", 0, 0)
            while let first = SetSupport.orderedElements(s).first {
                if try s.remove(first, vm: vm) { return first }
            }
            throw PyError(PyBaseException(type: .keyError, args: [.str("pop from an empty set")]))
        }
        t.method("clear") { _, args in
            try selfSet(args, "clear").removeAll()
            return .none
        }
        t.receiverMethod(PySet.self, "set", "update") { vm, s, args in
            for other in args.positional.dropFirst() {
                for x in try SetSupport.orderedElements(other) ?? vm.toArray(other) { try s.add(x, vm: vm) }
            }
            return .none
        }
        t.receiverMethod(PySet.self, "set", "intersection_update") { vm, s, args in
            for other in args.positional.dropFirst() {
                let o = try SetSupport.lookupSet(vm, other)
                for x in s.elements { if try !o.contains(x, vm: vm) { try s.remove(x, vm: vm) } }
            }
            return .none
        }
        t.receiverMethod(PySet.self, "set", "difference_update") { vm, s, args in
            for other in args.positional.dropFirst() {
                for x in try SetSupport.elements(other) ?? vm.toArray(other) { try s.remove(x, vm: vm) }
            }
            return .none
        }
        t.receiverMethod(PySet.self, "set", "symmetric_difference_update") { vm, s, args in
            try TypeSupport.check(args, "symmetric_difference_update", 1, 1)
            let o = try SetSupport.lookupSet(vm, args[1])
            for x in SetSupport.orderedElements(o) {
                if try !s.remove(x, vm: vm) { try s.add(x, vm: vm) }
            }
            return .none
        }
        // In-place operators (set only; frozenset falls back to the binary operators).
        t.method("__ior__") { vm, args in
            try TypeSupport.need(args, 1, "__ior__")
            let s = try selfSet(args, "__ior__")
            guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
            for x in SetSupport.orderedElements(o) { try s.add(x, vm: vm) }
            return args[0]
        }
        t.method("__iand__") { vm, args in
            try TypeSupport.need(args, 1, "__iand__")
            let s = try selfSet(args, "__iand__")
            guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
            for x in s.elements { if try !o.contains(x, vm: vm) { try s.remove(x, vm: vm) } }
            return args[0]
        }
        t.method("__isub__") { vm, args in
            try TypeSupport.need(args, 1, "__isub__")
            let s = try selfSet(args, "__isub__")
            guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
            for x in o.elements { try s.remove(x, vm: vm) }
            return args[0]
        }
        t.method("__ixor__") { vm, args in
            try TypeSupport.need(args, 1, "__ixor__")
            let s = try selfSet(args, "__ixor__")
            guard let o = SetSupport.pySet(args[1]) else { return notImplementedValue }
            let items = o === s ? s.elements : SetSupport.orderedElements(o)
            for x in items { if try !s.remove(x, vm: vm) { try s.add(x, vm: vm) } }
            return args[0]
        }
    }

    /// Subset-based comparisons between two sets.
    static func setCompare(_ vm: VM, _ a: PySet, _ b: PySet, _ op: ComparisonOperatorKind) throws -> Bool {
        func subset(_ x: PySet, _ y: PySet) throws -> Bool {
            if x.count > y.count { return false }
            for e in x.elements { if try !y.contains(e, vm: vm) { return false } }
            return true
        }
        switch op {
        case .eq: return try a.count == b.count && subset(a, b)
        case .ne: return try !(a.count == b.count && subset(a, b))
        case .le: return try subset(a, b)
        case .lt: return try a.count < b.count && subset(a, b)
        case .ge: return try subset(b, a)
        case .gt: return try a.count > b.count && subset(b, a)
        }
    }

    /// Iterates a snapshot in CPython's order; RuntimeError when the set's size changes meanwhile.
    static func setIterator(_ s: PySet) -> PyNativeIterator {
        let items = SetSupport.orderedElements(s)
        let size = items.count
        var i = 0
        return PyNativeIterator(type: PyType.setIterator) { vm in
            if (vm.gilHeld ? s.countHoldingGIL : s.count) != size {
                i = items.count
                throw PyError.runtime("Set changed size during iteration")
            }
            guard i < items.count else { return nil }
            i += 1
            return items[i - 1]
        }
    }
}
