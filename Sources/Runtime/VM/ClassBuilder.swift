/// `class` statements: `__build_class__` runs the class body with a fresh namespace, then `makeClass`
/// creates the type (C3 MRO, implicit staticmethod for `__new__`, `__hash__ = None` when only `__eq__`
/// is defined, the `__class__` cell for zero-argument `super()`).
extension VM {
    /// `__build_class__(func, name, *bases, **kwds)`.
    func buildClass(_ args: Args) throws -> Value {
        guard args.count >= 2, case .object(let fo) = args[0], let body = fo as? PyFunction else {
            throw PyError.type("__build_class__: func must be a function")
        }
        let ns = PyDict()
        try runClassBody(body, namespace: ns)
        var kwnames: [String] = []
        var kwvalues: [Value] = []
        for i in 0..<args.kwnames.count {
            let k = args.kwnames[i]
            if k == "metaclass" {
                if args.kwvalues[i].asObject !== PyType.type { throw PyError.type("custom metaclasses are not supported yet") }
                continue
            }
            kwnames.append(k)
            kwvalues.append(args.kwvalues[i])
        }
        let bases = PyTuple(Array(args.positional.dropFirst(2)))
        let cls = try makeClass(name: args[1], bases: .object(bases), namespace: .object(ns), kwnames: kwnames, kwvalues: kwvalues)
        // A class whose body function is immortal (the first one a module or class body made from that
        // code, see `PyCode.claimImmortalFunction`) is immortal too: making and freeing an instance then
        // costs no atomic reference counting of the class (`Cls(x)` loads it, the instance keeps it).
        if Immortal.isImmortal(body), case .object(let t) = cls { Immortal.make(t) }
        return cls
    }

    /// Runs a class body with `namespace` as its locals. (Kept out of line: inlining this into
    /// `buildClass` crashes the Swift 6.3 optimizer's ownership verifier.)
    @inline(never)
    private func runClassBody(_ body: PyFunction, namespace: PyDict) throws {
        let frame = try makeFrame(body, Args())
        frame.locals = namespace
        _ = try eval(frame)
    }

    /// `type(name, bases, namespace)`.
    func makeClass(name nameValue: Value, bases basesValue: Value, namespace: Value,
                   kwnames: [String], kwvalues: [Value]) throws -> Value {
        guard case .object(let no) = nameValue, let name = no as? PyStr else { throw PyError.type("type.__new__() argument 1 must be str") }
        guard case .object(let bo) = basesValue, let basesTuple = bo as? PyTuple else { throw PyError.type("type.__new__() argument 2 must be tuple") }
        guard case .object(let nso) = namespace, let src = nso as? PyDict else { throw PyError.type("type.__new__() argument 3 must be dict") }
        var bases: [PyType] = []
        for b in basesTuple.items {
            guard case .object(let o) = b, let t = o as? PyType else { throw PyError.type("bases must be types") }
            if !t.isBaseType { throw PyError.type("type '\(t.name)' is not an acceptable base type") }
            if t.isBuiltin && t.layout == .builtin && t !== PyType.object {
                throw PyError.type("subclassing the builtin type '\(t.name)' is not supported yet")
            }
            bases.append(t)
        }
        let dict = src.copy()
        let classcell = dict.deleteStr(Names.classcell)
        if case .object(let o)? = dict.getStr(Names.new), o is PyFunction {
            dict.setStr(Names.new, .object(PyStaticMethod(.object(o))))
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            if case .object(let o)? = dict.getStr(special), o is PyFunction {
                dict.setStr(special, .object(PyClassMethod(.object(o))))
            }
        }
        if dict.getStr(Names.eq) != nil && dict.getStr(Names.hash) == nil { dict.setStr(Names.hash, .none) }
        let qualname = (dict.getStr(Names.qualname)?.asObject as? PyStr)?.value ?? name.value
        dict.deleteStr(Names.qualname)
        let module = (dict.getStr(Names.module)?.asObject as? PyStr)?.value ?? "__main__"
        if dict.getStr(Names.doc) == nil { dict.setStr(Names.doc, .none) }
        let t = try PyType(name: name.value, qualname: qualname, module: module, bases: bases, dict: dict)
        if case .object(let co)? = classcell, let cell = co as? PyCell { cell.contents = .object(t) }
        // __set_name__ on descriptors, then the parent's __init_subclass__.
        for (k, v) in dict.items {
            if case .object(let o) = v, !o.type.isBuiltin, let sn = o.type.lookup(Names.setName) {
                _ = try callBound(sn, v, [.object(t), k])
            }
        }
        if let parent = t.mro.dropFirst().first(where: { $0.dict.getStr(Names.initSubclass) != nil }),
           case .object(let io)? = parent.dict.getStr(Names.initSubclass), let cm = io as? PyClassMethod {
            _ = try call(cm.function, Args([.object(t)], kwnames: kwnames, kwvalues: kwvalues))
        } else if !kwnames.isEmpty {
            throw PyError.type("\(name.value).__init_subclass__() takes no keyword arguments")
        }
        return .object(t)
    }
}
