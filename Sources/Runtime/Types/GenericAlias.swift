/// `types.GenericAlias`: what `list[int]` evaluates to (annotations are evaluated in 3.11). Calling it
/// calls the origin class; its repr is `list[int]`.
public final class PyGenericAlias: PyObject, @unchecked Sendable {
    public let origin: Value
    public let args: [Value]
    init(origin: Value, args: [Value]) {
        self.origin = origin
        self.args = args
        super.init(type: PyGenericAlias.aliasType)
    }
    static let aliasType = PyType(builtin: "GenericAlias", base: .object, module: "types")
}

extension RuntimeSetup {
    /// `repr` of a type argument as `typing` prints it: classes by (qualified) name.
    static func aliasArgRepr(_ vm: VM, _ v: Value) throws -> String {
        if case .object(let o) = v {
            if let t = o as? PyType { return t.module == "builtins" ? t.qualname : "\(t.module).\(t.qualname)" }
            if o is PyEllipsis { return "..." }
        }
        return try vm.repr(v)
    }

    /// Registers `__class_getitem__` on the builtin generic containers.
    static func installGenericAlias() {
        let t = PyGenericAlias.aliasType
        func alias(_ args: Args) throws -> PyGenericAlias {
            guard case .object(let o)? = args.first, let a = o as? PyGenericAlias else {
                throw PyError.type("descriptor requires a 'types.GenericAlias' object")
            }
            return a
        }
        t.method("__repr__") { vm, args in
            let a = try alias(args)
            let parts = try a.args.map { try aliasArgRepr(vm, $0) }
            return .str(try aliasArgRepr(vm, a.origin) + "[" + (parts.isEmpty ? "()" : parts.joined(separator: ", ")) + "]")
        }
        t.method("__call__") { vm, args in
            let a = try alias(args)
            return try vm.call(a.origin, args.dropFirst())
        }
        t.method("__eq__") { vm, args in
            let a = try alias(args)
            guard case .object(let o) = args[1], let b = o as? PyGenericAlias else { return notImplementedValue }
            guard try a.origin.isIdentical(b.origin) || vm.equals(a.origin, b.origin) else { return .bool(false) }
            return .bool(try vm.equals(.object(PyTuple(a.args)), .object(PyTuple(b.args))))
        }
        t.method("__hash__") { vm, args in
            let a = try alias(args)
            return .int(try vm.hash(a.origin) ^ vm.hash(.object(PyTuple(a.args))))
        }
        t.method("__getitem__") { vm, args in
            let a = try alias(args)
            let items: [Value]
            if case .object(let o) = args[1], let tup = o as? PyTuple { items = tup.items } else { items = [args[1]] }
            return .object(PyGenericAlias(origin: a.origin, args: items))
        }
        t.getter("__origin__") { _, v in (v.asObject as! PyGenericAlias).origin }
        t.getter("__args__") { _, v in .object(PyTuple((v.asObject as! PyGenericAlias).args)) }
        for container in [PyType.list, PyType.tuple, PyType.dict, PyType.set, PyType.frozenset, PyType.enumerate,
                          PyType.dictKeys, PyType.dictValues, PyType.dictItems] {
            container.classMethod("__class_getitem__") { _, type, args in
                guard let key = args.first else {
                    throw PyError.type("__class_getitem__() takes exactly one argument (0 given)")
                }
                let items: [Value]
                if case .object(let o) = key, let tup = o as? PyTuple { items = tup.items } else { items = [key] }
                return .object(PyGenericAlias(origin: .object(type), args: items))
            }
        }
    }
}
