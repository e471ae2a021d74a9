/// Introspection builtins: isinstance, issubclass, getattr, setattr, hasattr, delattr, callable, vars,
/// dir.
extension Builtins {
    static var introspectionFunctions: [NativeBinding] {
        [
            NativeBinding("isinstance", { vm, args in
                if args.count != 2 || args.hasKeywords {
                    if args.hasKeywords { throw PyError.type("isinstance() takes no keyword arguments") }
                    throw PyError.type("isinstance expected 2 arguments, got \(args.count)")
                }
                if let known = isInstanceOfPlainClass(args) { return .bool(known) }
                return .bool(try isInstance(vm, args[0], args[1]))
            }),
            NativeBinding("issubclass", { vm, args in
                if args.count != 2 || args.hasKeywords {
                    if args.hasKeywords { throw PyError.type("issubclass() takes no keyword arguments") }
                    throw PyError.type("issubclass expected 2 arguments, got \(args.count)")
                }
                return .bool(try isSubclass(vm, args[0], args[1]))
            }),
            NativeBinding("getattr", { vm, args in
                try args.check("getattr", min: 2, max: 3)
                let name = try attributeName(args[1])
                if args.count == 2 { return try vm.getAttr(args[0], name) }
                do { return try vm.getAttr(args[0], name) }
                catch let e as PyError where e.exception.isInstance(of: .attributeError) { return args[2] }
            }),
            NativeBinding("setattr", { vm, args in
                if args.count != 3 || args.hasKeywords { try checkArgs(args, "setattr", min: 3, max: 3) }
                try vm.setAttr(args[0], try attributeName(args[1]), args[2])
                return .none
            }),
            NativeBinding("delattr", { vm, args in
                if args.count != 2 || args.hasKeywords { try checkArgs(args, "delattr", min: 2, max: 2) }
                try vm.delAttr(args[0], try attributeName(args[1]))
                return .none
            }),
            NativeBinding("hasattr", { vm, args in
                if args.count != 2 || args.hasKeywords { try checkArgs(args, "hasattr", min: 2, max: 2) }
                let name = try attributeName(args[1])
                do { return .bool(try vm.getAttrOrNil(args[0], name) != nil) }
                catch let e as PyError where e.exception.isInstance(of: .attributeError) { return .bool(false) }
            }),
            NativeBinding("callable", { _, args in .bool(isCallable(try one(args, "callable"))) }),
            NativeBinding("vars", { vm, args in
                try args.check("vars", min: 0, max: 1)
                if args.count == 0 { return .object(try callerLocals(vm)) }
                guard let d = try? vm.getAttrOrNil(args[0], Names.dict) else {
                    throw PyError.type("vars() argument must have __dict__ attribute")
                }
                return d
            }),
            NativeBinding("dir", { vm, args in
                try args.check("dir", min: 0, max: 1)
                if args.count == 0 {
                    return .object(PyList(sortedNames(try callerLocals(vm).keys)))
                }
                return .object(PyList(try dir(vm, args[0])))
            }),
        ]
    }

    static func attributeName(_ v: Value) throws -> PyStr {
        guard case .object(let o) = v, let s = o as? PyStr else {
            throw PyError.type("attribute name must be string, not '\(v.typeName)'")
        }
        return PyStr.intern(s.value)
    }

    /// `isinstance(obj, classinfo)`: a type, a (nested) tuple of them, or a union (`int | str`).
    /// `isinstance(obj, cls)` for a class whose metaclass is `type` (no `__instancecheck__`), with both
    /// arguments read in place: copying them off the stack and casting dynamically cost more than the
    /// subtype walk. nil when `cls` is anything else (a tuple, a union, another metaclass).
    @inline(__always)
    static func isInstanceOfPlainClass(_ args: Args) -> Bool? {
        guard let cu = args.peekObject(1) else { return nil }
        return cu._withUnsafeGuaranteedRef { c -> Bool? in
            guard c.isExactly(PyType.self), c.type === PyType.type else { return nil }
            let cls = unsafeDowncast(c, to: PyType.self)
            if let ou = args.peekObject(0) {
                return ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { $0.isSubtype(of: cls) } }
            }
            return args[0].type.isSubtype(of: cls)
        }
    }

    public static func isInstance(_ vm: VM, _ obj: Value, _ classinfo: Value) throws -> Bool {
        if case .object(let o) = classinfo {
            if let t = o as? PyType {
                if obj.type.isSubtype(of: t) { return true }
                if t.type !== PyType.type, let check = t.type.lookup(PyStr.intern("__instancecheck__")),
                   !(check.asObject is PyBuiltinFunction) {
                    return try vm.truthy(try vm.callBound(check, classinfo, [obj]))
                }
                return false
            }
            if let tuple = o as? PyTuple {
                for c in tuple.items where try isInstance(vm, obj, c) { return true }
                return false
            }
            if let members = try unionMembers(vm, classinfo) {
                for c in members where try isInstance(vm, obj, c) { return true }
                return false
            }
        }
        throw PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    /// `issubclass(cls, classinfo)`.
    public static func isSubclass(_ vm: VM, _ cls: Value, _ classinfo: Value) throws -> Bool {
        guard case .object(let co) = cls, let c = co as? PyType else {
            throw PyError.type("issubclass() arg 1 must be a class")
        }
        if case .object(let o) = classinfo {
            if let t = o as? PyType {
                if t.type !== PyType.type, let check = t.type.lookup(PyStr.intern("__subclasscheck__")),
                   !(check.asObject is PyBuiltinFunction) {
                    return try vm.truthy(try vm.callBound(check, classinfo, [cls]))
                }
                return c.isSubtype(of: t)
            }
            if let tuple = o as? PyTuple {
                for item in tuple.items where try isSubclass(vm, cls, item) { return true }
                return false
            }
            if let members = try unionMembers(vm, classinfo) {
                for m in members where try isSubclass(vm, cls, m) { return true }
                return false
            }
        }
        throw PyError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }

    /// The member types of a `types.UnionType` (`int | str`), if `v` is one.
    private static func unionMembers(_ vm: VM, _ v: Value) throws -> [Value]? {
        guard v.typeName == "UnionType" || v.typeName == "types.UnionType",
              let a = try vm.getAttrOrNil(v, PyStr.intern("__args__")) else { return nil }
        return try vm.toArray(a)
    }

    /// `dir(obj)`: `__dir__` of user classes, else the instance dict and the type's MRO dicts.
    static func dir(_ vm: VM, _ obj: Value) throws -> [Value] {
        if !obj.type.isBuiltin, let m = obj.type.lookup(PyStr.intern("__dir__")), !(m.asObject is PyBuiltinFunction) {
            var items = try vm.toArray(try vm.callBound(m, obj, []))
            try sortValues(vm, &items)
            return items
        }
        var names: [Value] = []
        var seen = Set<String>()
        func add(_ keys: [Value]) {
            for k in keys {
                if case .object(let o) = k, let s = o as? PyStr, !seen.contains(s.value) {
                    seen.insert(s.value); names.append(k)
                }
            }
        }
        if case .object(let o) = obj {
            if let m = o as? PyModule { add(m.dict.keys); return sortedNames(names) }
            if let t = o as? PyType {
                for c in t.mro { add(c.dict.keys) }
                add(["__name__", "__qualname__", "__mro__", "__bases__", "__module__", "__doc__", "__dict__"].map { .str($0) })
                return sortedNames(names)
            }
            if let items = o.instanceAttributeItems { add(items.map { $0.0 }) }
        }
        add([.str("__class__")])
        for c in obj.type.mro { add(c.dict.keys) }
        return sortedNames(names)
    }

    static func sortedNames(_ keys: [Value]) -> [Value] {
        let strs: [PyStr] = keys.compactMap { $0.asObject as? PyStr }
        return strs.sorted { PyStrOrdering.less($0, $1) }.map { .object($0) }
    }
}
