/// `tuple`: immutable sequences.
extension RuntimeSetup {
    @inline(__always)
    static func selfTuple(_ args: Args, _ name: String) throws -> PyTuple {
        try TypeSupport.selfAs(args, PyTuple.self, "tuple", name)
    }

    static func makeTuple(_ items: [Value]) -> Value {
        items.isEmpty ? .object(PyTuple.empty) : .object(PyTuple(items))
    }

    static func installTupleType() {
        let t = PyType.tuple
        t.method("__len__") { _, args in .int(try selfTuple(args, "__len__").items.count) }
        t.method("__iter__") { _, args in
            let items = try selfTuple(args, "__iter__").items
            var i = 0
            return .object(PyNativeIterator(type: PyType.tupleIterator) { _ in
                guard i < items.count else { return nil }
                i += 1
                return items[i - 1]
            })
        }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let tup = try selfTuple(args, "__getitem__")
            if let sl = TypeSupport.slice(args[1]) {
                let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, tup.items.count)
                if step == 1 && start == 0 && count == tup.items.count { return args[0] }
                return makeTuple(TypeSupport.sliceArray(tup.items, start, step, count))
            }
            let i = try TypeSupport.seqIndex(vm, args[1], "tuple")
            let j = i < 0 ? i + tup.items.count : i
            guard j >= 0 && j < tup.items.count else { throw PyError.index("tuple index out of range") }
            return tup.items[j]
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            for item in try selfTuple(args, "__contains__").items {
                if try TypeSupport.sameOrEqual(vm, item, args[1]) { return .bool(true) }
            }
            return .bool(false)
        }
        t.method("__add__") { _, args in
            try TypeSupport.need(args, 1, "__add__")
            let a = try selfTuple(args, "__add__")
            guard case .object(let o) = args[1], let b = o as? PyTuple else { return notImplementedValue }
            if b.items.isEmpty { return args[0] }
            if a.items.isEmpty { return args[1] }
            return .object(PyTuple(a.items + b.items))
        }
        for name in ["__mul__", "__rmul__"] {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let tup = try selfTuple(args, name)
                guard let n = try TypeSupport.repeatCount(vm, args[1]) else { return notImplementedValue }
                if n == 1 { return args[0] }
                if n <= 0 || tup.items.isEmpty { return .object(PyTuple.empty) }
                try TypeSupport.checkRepeatSize(tup.items.count, n)
                var out: [Value] = []
                out.reserveCapacity(tup.items.count * n)
                for _ in 0..<n { out.append(contentsOf: tup.items) }
                return .object(PyTuple(out))
            }
        }
        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfTuple(args, name)
                guard case .object(let o) = args[1], let b = o as? PyTuple else { return notImplementedValue }
                return try TypeSupport.compareSequences(vm, a.items, b.items, op)
            }
        }
        t.method("__hash__") { vm, args in
            let tup = try selfTuple(args, "__hash__")
            var hs: [Int] = []
            hs.reserveCapacity(tup.items.count)
            for item in tup.items { hs.append(try vm.hash(item)) }
            return .int(Hashing.hashTuple(hs))
        }
        t.method("__repr__") { vm, args in
            let tup = try selfTuple(args, "__repr__")
            if let s = Repr.fast(args[0]) { return .str(s) }
            if tup.items.isEmpty { return .str("()") }
            return .str(try ReprGuard.with(tup, recursive: "(...)") {
                let parts = try tup.items.map { try vm.repr($0) }
                return parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
            })
        }
        t.method("__getnewargs__") { _, args in .object(PyTuple([args[0]])) }
        t.method("count") { vm, args in
            try TypeSupport.check(args, "tuple.count", 1, 1)
            var n = 0
            for item in try selfTuple(args, "count").items {
                if try TypeSupport.sameOrEqual(vm, item, args[1]) { n += 1 }
            }
            return .int(n)
        }
        t.method("index") { vm, args in
            try TypeSupport.check(args, "index", 1, 3)
            let items = try selfTuple(args, "index").items
            if let i = try TypeSupport.indexOf(vm, items, args) { return .int(i) }
            throw PyError.value("tuple.index(x): x not in tuple")
        }
        t.constructor = { vm, type, args in
            if type !== PyType.tuple { throw PyError.type("subclassing tuple is not supported yet") }
            if !args.kwnames.isEmpty { throw PyError.type("tuple() takes no keyword arguments") }
            if args.count > 1 { throw PyError.type("tuple expected at most 1 argument, got \(args.count)") }
            guard let x = args.first else { return .object(PyTuple.empty) }
            if case .object(let o) = x, o is PyTuple { return x }
            return makeTuple(try vm.toArray(x))
        }
    }
}
