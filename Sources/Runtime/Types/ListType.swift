/// `list`. Operations snapshot the items (`list.items`), run any Python code (comparisons, `__eq__`,
/// key functions) outside the list's lock, then write back under the lock.
extension RuntimeSetup {
    @inline(__always)
    static func selfList(_ args: Args, _ name: String) throws -> PyList {
        try TypeSupport.selfAs(args, PyList.self, "list", name)
    }

    /// The reverse iterator type of lists (`reversed([…])`).
    static let listReverseIterator = PyType(builtin: "list_reverseiterator", base: .object)

    static func installListType() {
        let t = PyType.list
        t.method("__len__") { _, args in .int(try selfList(args, "__len__").count) }
        t.method("__iter__") { _, args in .object(PyListIterator(try selfList(args, "__iter__"))) }
        t.method("__reversed__") { _, args in .object(listReversed(try selfList(args, "__reversed__"))) }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let l = try selfList(args, "__getitem__")
            if let sl = TypeSupport.slice(args[1]) {
                let items = l.items
                let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, items.count)
                return .object(PyList(TypeSupport.sliceArray(items, start, step, count)))
            }
            let i = try TypeSupport.seqIndex(vm, args[1], "list")
            let r: Value? = l.withItems { items in
                let j = i < 0 ? i + items.count : i
                return j >= 0 && j < items.count ? items[j] : nil
            }
            guard let v = r else { throw PyError.index("list index out of range") }
            return v
        }
        t.method("__setitem__") { vm, args in
            try TypeSupport.need(args, 2, "__setitem__")
            let l = try selfList(args, "__setitem__")
            if let sl = TypeSupport.slice(args[1]) {
                try listSetSlice(vm, l, sl, args[2])
                return .none
            }
            let i = try TypeSupport.seqIndex(vm, args[1], "list")
            let v = args[2]
            let ok: Bool = l.withItems { items in
                let j = i < 0 ? i + items.count : i
                guard j >= 0 && j < items.count else { return false }
                items[j] = v
                return true
            }
            if !ok { throw PyError.index("list assignment index out of range") }
            return .none
        }
        t.method("__delitem__") { vm, args in
            try TypeSupport.need(args, 1, "__delitem__")
            let l = try selfList(args, "__delitem__")
            if let sl = TypeSupport.slice(args[1]) {
                let n = l.count
                let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, n)
                if count <= 0 { return .none }
                l.withItems { items in
                    if step == 1 {
                        let e = Swift.min(start + count, items.count)
                        if start < e { items.removeSubrange(start..<e) }
                        return
                    }
                    var remove = Set<Int>()
                    var k = start
                    for _ in 0..<count { remove.insert(k); k += step }
                    var kept: [Value] = []
                    kept.reserveCapacity(items.count - remove.count)
                    for (idx, item) in items.enumerated() where !remove.contains(idx) { kept.append(item) }
                    items = kept
                }
                return .none
            }
            let i = try TypeSupport.seqIndex(vm, args[1], "list")
            let removed: Value? = l.withItems { items in
                let j = i < 0 ? i + items.count : i
                guard j >= 0 && j < items.count else { return nil }
                return items.remove(at: j)
            }
            if removed == nil { throw PyError.index("list assignment index out of range") }
            return .none
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            let items = try selfList(args, "__contains__").items
            for item in items { if try TypeSupport.sameOrEqual(vm, item, args[1]) { return .bool(true) } }
            return .bool(false)
        }
        t.method("__add__") { _, args in
            try TypeSupport.need(args, 1, "__add__")
            let a = try selfList(args, "__add__")
            guard case .object(let o) = args[1], let b = o as? PyList else { return notImplementedValue }
            return .object(PyList(a.items + b.items))
        }
        t.method("__iadd__") { vm, args in
            try TypeSupport.need(args, 1, "__iadd__")
            let l = try selfList(args, "__iadd__")
            let new = try vm.toArray(args[1])
            l.withItems { $0.append(contentsOf: new) }
            return args[0]
        }
        for name in ["__mul__", "__rmul__"] {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let l = try selfList(args, name)
                guard let n = try TypeSupport.repeatCount(vm, args[1]) else { return notImplementedValue }
                let items = l.items
                if n <= 0 || items.isEmpty { return .object(PyList()) }
                try TypeSupport.checkRepeatSize(items.count, n)
                var out: [Value] = []
                out.reserveCapacity(items.count * n)
                for _ in 0..<n { out.append(contentsOf: items) }
                return .object(PyList(out))
            }
        }
        t.method("__imul__") { vm, args in
            try TypeSupport.need(args, 1, "__imul__")
            let l = try selfList(args, "__imul__")
            guard let n = try TypeSupport.repeatCount(vm, args[1]) else { return notImplementedValue }
            try TypeSupport.checkRepeatSize(l.count, n)
            l.withItems { items in
                if n <= 0 { items.removeAll(); return }
                let copy = items
                for _ in 1..<Swift.max(n, 1) { items.append(contentsOf: copy) }
            }
            return args[0]
        }
        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfList(args, name)
                guard case .object(let o) = args[1], let b = o as? PyList else { return notImplementedValue }
                if a === b && (op == .eq || op == .ne) { return .bool(op == .eq) }
                return try TypeSupport.compareSequences(vm, a.items, b.items, op)
            }
        }
        t.receiverMethod(PyList.self, "list", "__repr__") { vm, l, args in
            if let s = Repr.fast(args[0]) { return .str(s) }
            return .str(try ReprGuard.with(l, recursive: "[...]") {
                "[" + (try l.items.map { try vm.repr($0) }).joined(separator: ", ") + "]"
            })
        }
        t.dict.setStr("__hash__", .none)
        installListMethods(t)
        t.constructor = { vm, type, args in
            if type !== PyType.list { throw PyError.type("subclassing list is not supported yet") }
            if !args.kwnames.isEmpty { throw PyError.type("list() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("list expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .object(PyList()) }
            return .object(PyList(try vm.toArray(x)))
        }
    }

    static func listReversed(_ l: PyList) -> PyNativeIterator {
        var i = l.count - 1
        return PyNativeIterator(type: listReverseIterator) { _ in
            guard i >= 0 else { return nil }
            let v = l.withItems { items -> Value? in i < items.count ? items[i] : nil }
            i -= 1
            if v == nil { i = -1 }
            return v
        }
    }

    static func listSetSlice(_ vm: VM, _ l: PyList, _ sl: PySlice, _ value: Value) throws {
        let n = l.count
        let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, n)
        let new: [Value]
        if case .object(let o) = value, o === l { new = l.items } else {
            if value.type.lookup(Names.iter) == nil && value.type.lookup(Names.getitem) == nil
                && !(value.asObject is PyNativeIterator) && !(value.asObject is PyGenerator) {
                throw PyError.type(step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice")
            }
            new = try vm.toArray(value)
        }
        if step == 1 {
            l.withItems { items in
                let s = Swift.min(start, items.count)
                let e = Swift.min(s + Swift.max(count, 0), items.count)
                items.replaceSubrange(s..<e, with: new)
            }
            return
        }
        if new.count != count {
            throw PyError.value("attempt to assign sequence of size \(new.count) to extended slice of size \(count)")
        }
        l.withItems { items in
            var k = start
            for v in new where k >= 0 && k < items.count { items[k] = v; k += step }
        }
    }
}
