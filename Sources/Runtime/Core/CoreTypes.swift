/// `object`, `type`, functions, methods, descriptors, `super`, generators, modules: the types the VM
/// itself relies on.
extension RuntimeSetup {
    static func installCoreTypes() {
        installObject()
        installType()
        installFunctionTypes()
        installDescriptorTypes()
        installGeneratorType()
        installMiscTypes()
    }

    /// `0x7f…` as CPython prints object addresses.
    public static func address(_ o: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(o).toOpaque()), radix: 16)
    }

    private static func selfObject(_ args: Args) -> PyObject? { args.first?.asObject }

    private static func installObject() {
        let t = PyType.object
        t.dict.setStr("__init__", .object(PyBuiltinFunction(name: "__init__", qualname: "object.__init__", isObjectDefault: true) { _, _ in .none }))
        t.dict.setStr("__new__", .object(PyStaticMethod(.object(PyBuiltinFunction(name: "__new__", qualname: "object.__new__", isObjectDefault: true) { vm, args in
            guard case .object(let o)? = args.first, let cls = o as? PyType else {
                throw PyError.type("object.__new__(X): X is not a type object")
            }
            return try vm.allocateInstance(cls, args.dropFirst())
        }))))
        t.dict.setStr("__hash__", .object(PyBuiltinFunction(name: "__hash__", qualname: "object.__hash__", isObjectDefault: true) { _, args in
            .int(Hashing.identityHash(args[0].asObject ?? PyNotImplemented.shared))
        }))
        t.method("__repr__") { vm, args in
            let v = args[0]
            let ty = v.type
            let prefix = ty.module == "builtins" ? "" : "\(ty.module)."
            guard let o = v.asObject else { return .str("<\(ty.name) object>") }
            return .str("<\(prefix)\(ty.qualname) object at \(address(o))>")
        }
        t.method("__str__") { vm, args in .str(try vm.repr(args[0])) }
        t.method("__eq__") { _, args in
            args[0].isIdentical(args[1]) ? .bool(true) : .object(PyNotImplemented.shared)
        }
        t.method("__ne__") { vm, args in
            let r = try vm.compare(args[0], args[1], .eq)
            if vm.isNotImplemented(r) { return r }
            return .bool(!(try vm.truthy(r)))
        }
        for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
            t.method(n) { _, _ in .object(PyNotImplemented.shared) }
        }
        t.method("__format__") { vm, args in
            guard args.count == 2, case .object(let so) = args[1], let spec = so as? PyStr else {
                throw PyError.type("__format__() argument must be str")
            }
            if !spec.value.isEmpty {
                throw PyError.type("unsupported format string passed to \(args[0].typeName).__format__")
            }
            return .str(try vm.str(args[0]))
        }
        t.method("__setattr__") { vm, args in
            guard args.count == 3, case .object(let no) = args[1], let name = no as? PyStr else {
                throw PyError.type("attribute name must be string")
            }
            try vm.genericSetAttr(args[0], name, args[2]); return .none
        }
        t.method("__getattribute__") { vm, args in
            guard args.count == 2, case .object(let no) = args[1], let name = no as? PyStr else {
                throw PyError.type("attribute name must be string")
            }
            if let v = try vm.genericGetAttrOrNil(args[0], name, useGetattr: false) { return v }
            throw vm.attributeError(args[0], name)
        }
        t.method("__delattr__") { vm, args in
            guard args.count == 2, case .object(let no) = args[1], let name = no as? PyStr else {
                throw PyError.type("attribute name must be string")
            }
            try vm.delAttr(args[0], name); return .none
        }
        t.dict.setStr("__init_subclass__", .object(PyClassMethod(.object(PyBuiltinFunction(name: "__init_subclass__") { _, _ in .none }))))
        t.dict.setStr("__doc__", .str("The base class of the class hierarchy."))
        t.constructor = { vm, type, args in
            if args.count > 0 { throw PyError.type("object() takes no arguments") }
            return .object(PyInstance(type: type))
        }
    }

    private static func installType() {
        let t = PyType.type
        t.method("__repr__") { _, args in
            guard case .object(let o) = args[0], let ty = o as? PyType else { return .str("<class>") }
            let mod = (ty.dict.getStr("__module__")?.asObject as? PyStr)?.value ?? ty.module
            return .str(mod == "builtins" ? "<class '\(ty.qualname)'>" : "<class '\(mod).\(ty.qualname)'>")
        }
        t.method("mro") { _, args in
            guard case .object(let o) = args[0], let ty = o as? PyType else { return .none }
            return .object(PyList(ty.mro.map { .object($0) }))
        }
        t.method("__call__") { vm, args in
            guard case .object(let o) = args[0], let ty = o as? PyType else { throw PyError.type("descriptor '__call__' requires a type") }
            return try vm.callType(ty, args.dropFirst())
        }
        t.method("__subclasscheck__") { _, args in
            guard case .object(let a) = args[0], let ta = a as? PyType, case .object(let b) = args[1], let tb = b as? PyType else { return .bool(false) }
            return .bool(tb.isSubtype(of: ta))
        }
        t.method("__instancecheck__") { _, args in
            guard case .object(let a) = args[0], let ta = a as? PyType else { return .bool(false) }
            return .bool(args[1].type.isSubtype(of: ta))
        }
    }

    private static func installFunctionTypes() {
        let f = PyType.function
        f.method("__repr__") { _, args in
            guard case .object(let o) = args[0], let fn = o as? PyFunction else { return .str("<function>") }
            return .str("<function \(fn.qualname) at \(address(fn))>")
        }
        f.getter("__name__", { _, v in .str((v.asObject as! PyFunction).name) },
                 set: { _, v, n in (v.asObject as! PyFunction).name = (n.asObject as? PyStr)?.value ?? "" })
        f.getter("__qualname__", { _, v in .str((v.asObject as! PyFunction).qualname) },
                 set: { _, v, n in (v.asObject as! PyFunction).qualname = (n.asObject as? PyStr)?.value ?? "" })
        f.getter("__doc__", { _, v in (v.asObject as! PyFunction).dict.getStr(Names.doc) ?? .none },
                 set: { _, v, d in (v.asObject as! PyFunction).dict.setStr(Names.doc, d) })
        f.getter("__module__", { _, v in (v.asObject as! PyFunction).module },
                 set: { _, v, m in (v.asObject as! PyFunction).module = m })
        f.getter("__defaults__", { _, v in
            let fn = v.asObject as! PyFunction
            return fn.defaults.isEmpty ? .none : .object(PyTuple(fn.defaults))
        })
        f.getter("__code__") { _, v in .object((v.asObject as! PyFunction).code) }
        f.getter("__globals__") { _, v in .object((v.asObject as! PyFunction).globals) }
        f.getter("__closure__") { _, v in
            let fn = v.asObject as! PyFunction
            return fn.closure.isEmpty ? .none : .object(PyTuple(fn.closure.map { .object($0) }))
        }
        f.method("__get__") { _, args in
            if args.count < 2 || args[1].isNone { return args[0] }
            return .object(PyMethod(function: args[0], self: args[1]))
        }

        let m = PyType.method
        m.method("__repr__") { vm, args in
            guard case .object(let o) = args[0], let bm = o as? PyMethod else { return .str("<bound method>") }
            let name: String = {
                if case .object(let fo) = bm.function, let fn = fo as? PyFunction { return fn.qualname }
                if case .object(let fo) = bm.function, let b = fo as? PyBuiltinFunction { return b.qualname }
                return "?"
            }()
            return .str("<bound method \(name) of \(try vm.repr(bm.selfValue))>")
        }
        m.getter("__self__") { _, v in (v.asObject as! PyMethod).selfValue }
        m.getter("__func__") { _, v in (v.asObject as! PyMethod).function }
        m.getter("__name__") { vm, v in try vm.getAttr((v.asObject as! PyMethod).function, Names.name) }
        m.getter("__qualname__") { vm, v in try vm.getAttr((v.asObject as! PyMethod).function, Names.qualname) }
        m.getter("__doc__") { vm, v in try vm.getAttrOrNil((v.asObject as! PyMethod).function, Names.doc) ?? .none }
        m.method("__eq__") { _, args in
            guard case .object(let a) = args[0], let x = a as? PyMethod, case .object(let b) = args[1], let y = b as? PyMethod else {
                return .object(PyNotImplemented.shared)
            }
            return .bool(x.function.isIdentical(y.function) && x.selfValue.isIdentical(y.selfValue))
        }
        m.dict.setStr("__hash__", .object(PyBuiltinFunction(name: "__hash__") { vm, args in
            let bm = args[0].asObject as! PyMethod
            return .int(Hashing.hashTuple([try vm.hash(bm.function), try vm.hash(bm.selfValue)]))
        }))

        let b = PyType.builtinFunction
        b.method("__repr__") { vm, args in
            guard case .object(let o) = args[0], let bf = o as? PyBuiltinFunction else { return .str("<built-in function>") }
            if let s = bf.boundSelf {
                if case .object(let so) = s, let m = so as? PyModule { _ = m; return .str("<built-in function \(bf.name)>") }
                return .str("<built-in method \(bf.name) of \(s.typeName) object at \(s.asObject.map(address) ?? "0x0")>")
            }
            return .str("<built-in function \(bf.name)>")
        }
        b.getter("__name__") { _, v in .str((v.asObject as! PyBuiltinFunction).name) }
        b.getter("__qualname__") { _, v in .str((v.asObject as! PyBuiltinFunction).qualname) }
        b.getter("__self__") { _, v in (v.asObject as! PyBuiltinFunction).boundSelf ?? .none }
        b.getter("__doc__") { _, v in (v.asObject as! PyBuiltinFunction).doc.map { .str($0) } ?? .none }
    }

    private static func installDescriptorTypes() {
        let p = PyType.property
        p.constructor = { _, _, args in
            .object(PyProperty(fget: args.get(0, "fget") ?? .none, fset: args.get(1, "fset") ?? .none,
                               fdel: args.get(2, "fdel") ?? .none, doc: args.get(3, "doc") ?? .none))
        }
        p.method("getter") { _, args in
            let pr = args[0].asObject as! PyProperty
            return .object(PyProperty(fget: args[1], fset: pr.fset, fdel: pr.fdel, doc: pr.doc))
        }
        p.method("setter") { _, args in
            let pr = args[0].asObject as! PyProperty
            return .object(PyProperty(fget: pr.fget, fset: args[1], fdel: pr.fdel, doc: pr.doc))
        }
        p.method("deleter") { _, args in
            let pr = args[0].asObject as! PyProperty
            return .object(PyProperty(fget: pr.fget, fset: pr.fset, fdel: args[1], doc: pr.doc))
        }
        p.getter("fget") { _, v in (v.asObject as! PyProperty).fget }
        p.getter("fset") { _, v in (v.asObject as! PyProperty).fset }
        p.getter("fdel") { _, v in (v.asObject as! PyProperty).fdel }
        p.getter("__doc__") { vm, v in
            let pr = v.asObject as! PyProperty
            if !pr.doc.isNone { return pr.doc }
            return pr.fget.isNone ? .none : (try vm.getAttrOrNil(pr.fget, Names.doc) ?? .none)
        }
        p.method("__get__") { vm, args in
            if args.count < 2 || args[1].isNone { return args[0] }
            return try vm.call((args[0].asObject as! PyProperty).fget, args[1])
        }

        PyType.staticmethod.constructor = { _, _, args in
            try args.check("staticmethod", min: 1, max: 1)
            return .object(PyStaticMethod(args[0]))
        }
        PyType.staticmethod.getter("__func__") { _, v in (v.asObject as! PyStaticMethod).function }
        PyType.classmethod.constructor = { _, _, args in
            try args.check("classmethod", min: 1, max: 1)
            return .object(PyClassMethod(args[0]))
        }
        PyType.classmethod.getter("__func__") { _, v in (v.asObject as! PyClassMethod).function }

        let s = PyType.superType
        s.constructor = { _, _, args in
            if args.count == 0 { throw PyError.runtime("super(): no arguments") }
            guard case .object(let o) = args[0], let start = o as? PyType else {
                throw PyError.type("super() argument 1 must be a type, not \(args[0].typeName)")
            }
            if args.count == 1 { return .object(PySuper(startType: start, object: .none, objectType: start)) }
            let obj = args[1]
            if case .object(let oo) = obj, let ot = oo as? PyType, ot.isSubtype(of: start) {
                return .object(PySuper(startType: start, object: obj, objectType: ot))
            }
            guard obj.type.isSubtype(of: start) else {
                throw PyError.type("super(type, obj): obj must be an instance or subtype of type")
            }
            return .object(PySuper(startType: start, object: obj, objectType: obj.type))
        }
        s.method("__repr__") { vm, args in
            let sp = args[0].asObject as! PySuper
            return .str("<super: <class '\(sp.startType.name)'>, <\(sp.objectType.name) object>>")
        }
        PyGetSetDescriptor.descriptorType.method("__repr__") { _, args in
            .str("<attribute '\((args[0].asObject as! PyGetSetDescriptor).name)'>")
        }
    }

    private static func installGeneratorType() {
        let g = PyType.generator
        g.method("__iter__") { _, args in args[0] }
        g.method("__next__") { vm, args in
            let gen = args[0].asObject as! PyGenerator
            switch try gen.resume(vm, send: .none, throwing: nil) {
            case .yielded(let v): return v
            case .returned(let r): throw PyError.stopIteration(r.isNone ? .null : r)
            }
        }
        g.method("send") { vm, args in
            try args.check("send", min: 2, max: 2)
            let gen = args[0].asObject as! PyGenerator
            switch try gen.resume(vm, send: args[1], throwing: nil) {
            case .yielded(let v): return v
            case .returned(let r): throw PyError.stopIteration(r.isNone ? .null : r)
            }
        }
        g.method("throw") { vm, args in
            let gen = args[0].asObject as! PyGenerator
            guard args.count >= 2 else { throw PyError.type("throw expected at least 1 argument, got 0") }
            var exc = try vm.makeException(args[1])
            if args.count >= 3, !args[2].isNone, case .object(let t) = args[1], t is PyType {
                exc = try vm.makeException(try vm.call(args[1], args[2]))
            }
            switch try gen.resume(vm, send: .none, throwing: exc) {
            case .yielded(let v): return v
            case .returned(let r): throw PyError.stopIteration(r.isNone ? .null : r)
            }
        }
        g.method("close") { vm, args in
            try (args[0].asObject as! PyGenerator).close(vm); return .none
        }
        g.method("__repr__") { _, args in
            let gen = args[0].asObject as! PyGenerator
            return .str("<generator object \(gen.qualname) at \(address(gen))>")
        }
        g.getter("__name__") { _, v in .str((v.asObject as! PyGenerator).name) }
        g.getter("__qualname__") { _, v in .str((v.asObject as! PyGenerator).qualname) }
        g.getter("gi_running") { _, v in .bool((v.asObject as! PyGenerator).isRunning) }
    }

    private static func installMiscTypes() {
        PyType.module.method("__repr__") { _, args in
            let m = args[0].asObject as! PyModule
            if case .object(let fo)? = m.dict.getStr("__file__"), let f = fo as? PyStr {
                return .str("<module '\(m.name)' from '\(f.value)'>")
            }
            return .str("<module '\(m.name)' (built-in)>")
        }
        PyType.noneType.method("__repr__") { _, _ in .str("None") }
        PyType.noneType.method("__bool__") { _, _ in .bool(false) }
        PyType.noneType.constructor = { _, _, _ in .none }
        PyType.notImplementedType.method("__repr__") { _, _ in .str("NotImplemented") }
        PyType.ellipsisType.method("__repr__") { _, _ in .str("Ellipsis") }
        PyType.cell.method("__repr__") { _, args in .str("<cell at \(address(args[0].asObject!))>") }
        PyType.code.method("__repr__") { _, args in
            let c = args[0].asObject as! PyCode
            return .str("<code object \(c.name) at \(address(c)), file \"\(c.filename)\", line \(c.co.firstLine)>")
        }
        PyType.code.getter("co_name") { _, v in .str((v.asObject as! PyCode).name) }
        PyType.code.getter("co_filename") { _, v in .str((v.asObject as! PyCode).filename) }
        PyType.code.getter("co_firstlineno") { _, v in .int(Int((v.asObject as! PyCode).co.firstLine)) }
        PyType.code.getter("co_varnames") { _, v in .object(PyTuple((v.asObject as! PyCode).co.varnames.map { .str($0) })) }
        PyType.code.getter("co_argcount") { _, v in .int((v.asObject as! PyCode).co.argcount) }
    }
}

extension VM {
    /// Builtins the VM itself provides (`__build_class__`, `__import__`).
    public func installVMBuiltins(_ builtins: PyModule) {
        builtins.dict.setStr("__build_class__", .object(PyBuiltinFunction(name: "__build_class__") { vm, args in
            try vm.buildClass(args)
        }))
        builtins.dict.setStr("__import__", .object(PyBuiltinFunction(name: "__import__") { vm, args in
            guard args.count >= 1, case .object(let o) = args[0], let n = o as? PyStr else { throw PyError.type("__import__() argument 1 must be str") }
            return try vm.importModule(n.value, fromlist: args.get(3, "fromlist") ?? .none, level: args.get(4, "level") ?? .int(0), globals: PyDict())
        }))
    }
}
