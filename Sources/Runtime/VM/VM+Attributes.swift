/// Attribute access (CPython's `PyObject_GenericGetAttr` and `type_getattro`): data descriptors on the
/// type win over the instance `__dict__`, which wins over other class attributes; functions found on
/// the type are bound to the instance.
extension VM {
    public func getAttr(_ obj: Value, _ name: PyStr) throws -> Value {
        if let v = try getAttrOrNil(obj, name) { return v }
        throw attributeError(obj, name)
    }

    public func getAttr(_ obj: Value, _ name: String) throws -> Value { try getAttr(obj, PyStr.intern(name)) }

    func attributeError(_ obj: Value, _ name: PyStr) -> PyError {
        if case .object(let o) = obj {
            var message: String?
            if let t = o as? PyType { message = "type object '\(t.name)' has no attribute '\(name.value)'" }
            if let m = o as? PyModule { message = "module '\(m.name)' has no attribute '\(name.value)'" }
            if let message {
                let e = PyBaseException.make(.attributeError, message)
                e.dict.setStr("name", .object(name))
                e.dict.setStr("obj", obj)
                e.suggestionContext = SuggestionContext(name: name.value, kind: .attribute(object: obj))
                return PyError(e)
            }
        }
        let e = PyBaseException.make(.attributeError, "'\(obj.typeName)' object has no attribute '\(name.value)'")
        e.dict.setStr("name", .object(name))
        e.dict.setStr("obj", obj)
        e.suggestionContext = SuggestionContext(name: name.value, kind: .attribute(object: obj))
        return PyError(e)
    }

    /// Attribute names of `obj` as `dir()` lists them (for hints and completion).
    public func attributeNames(_ obj: Value) throws -> [String] {
        var names = Set<String>()
        if case .object(let o) = obj {
            if let items = o.instanceAttributeItems { for (k, _) in items { if let s = k.asObject as? PyStr { names.insert(s.value) } } }
            if let t = o as? PyType { for c in t.mro { for k in c.dict.keys { if let s = k.asObject as? PyStr { names.insert(s.value) } } } }
        }
        for c in obj.type.mro { for k in c.dict.keys { if let s = k.asObject as? PyStr { names.insert(s.value) } } }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The attribute, or nil when it does not exist (AttributeError raised by a property getter
    /// propagates as an error, as in CPython).
    public func getAttrOrNil(_ obj: Value, _ name: PyStr) throws -> Value? {
        let type = obj.type
        // Type identity checks, not dynamic casts: this runs on every attribute read.
        if type === PyType.type, case .object(let o) = obj { return try typeGetAttr(unsafeDowncast(o, to: PyType.self), name) }
        if type === PyType.superType, case .object(let o) = obj { return try superGetAttr(unsafeDowncast(o, to: PySuper.self), name) }
        // A class's own `__getattribute__` (threading.local is one) replaces the generic lookup; its
        // AttributeError falls back to `__getattr__`, as CPython's slot_tp_getattr_hook does.
        if !type.isBuiltin, let ga = lookupCached(type, Names.getattribute), case .object(let gf) = ga, gf is PyFunction {
            do {
                return try callBound(ga, obj, [.object(name)])
            } catch let e as PyError where e.exception.isInstance(of: .attributeError) {
                if let g = lookupCached(type, Names.getattr) { return try callBound(g, obj, [.object(name)]) }
                throw e
            }
        }
        return try genericGetAttrOrNil(obj, name, useGetattr: true)
    }

    /// `object.__getattribute__`: data descriptors, the instance dict, class attributes; then, when
    /// `useGetattr`, the class's `__getattr__`.
    public func genericGetAttrOrNil(_ obj: Value, _ name: PyStr, useGetattr: Bool) throws -> Value? {
        let type = obj.type
        if type === PyType.type, case .object(let o) = obj { return try typeGetAttr(unsafeDowncast(o, to: PyType.self), name) }
        if type === PyType.superType, case .object(let o) = obj { return try superGetAttr(unsafeDowncast(o, to: PySuper.self), name) }
        let classAttr = lookupCached(type, name)
        if let ca = classAttr, case .object(let d) = ca {
            if let p = d as? PyProperty {
                if p.fget.isNone { throw PyError.attribute("property '\(name.value)' of '\(type.name)' object has no getter") }
                return try call(p.fget, Args([obj]))
            }
            if let gs = d as? PyGetSetDescriptor { return try gs.getter(self, obj) }
        }
        if case .object(let o) = obj, let v = o.instanceAttribute(name) { return v }
        if let ca = classAttr { return try bindDescriptor(ca, instance: obj, owner: type) }
        if name.value == "__class__" { return .object(type) }
        if name.value == "__dict__", case .object(let o) = obj, let d = o.instanceDict { return .object(d) }
        if useGetattr, let ga = lookupCached(type, Names.getattr) {
            // `__getattr__`'s own AttributeError (and its message) propagates, as in CPython.
            return try callBound(ga, obj, [.object(name)])
        }
        return nil
    }

    /// Applies the descriptor protocol to an attribute found on a type.
    public func bindDescriptor(_ attr: Value, instance: Value, owner: PyType) throws -> Value {
        guard case .object(let d) = attr else { return attr }
        switch d {
        case let f as PyFunction: return .object(PyMethod(function: .object(f), self: instance))
        case let b as PyBuiltinFunction: return b.boundSelf == nil ? .object(b.bind(instance)) : attr
        case let s as PyStaticMethod: return s.function
        case let c as PyClassMethod: return .object(PyMethod(function: c.function, self: .object(owner)))
        case let p as PyProperty: return try call(p.fget, Args([instance]))
        case let gs as PyGetSetDescriptor: return try gs.getter(self, instance)
        default:
            if !d.type.isBuiltin, let get = d.type.lookup(Names.get) {
                return try callBound(get, attr, [instance, .object(owner)])
            }
            return attr
        }
    }

    /// `Class.attr`: the class's MRO first (functions stay plain functions), then the metatype.
    func typeGetAttr(_ t: PyType, _ name: PyStr) throws -> Value? {
        switch name.value {
        case "__name__": return .str(t.name)
        case "__qualname__": return .str(t.qualname)
        case "__mro__": return .object(PyTuple(t.mro.map { .object($0) }))
        case "__bases__": return .object(PyTuple(t.bases.map { .object($0) }))
        case "__base__": return t.bases.first.map { .object($0) } ?? .none
        case "__dict__": return .object(t.dict.copy())  // a snapshot: class attributes change only via setattr
        case "__module__": return t.dict.getStr("__module__") ?? .str(t.module)
        case "__class__": return .object(t.type)
        case "__doc__": return t.lookup(Names.doc) ?? .none
        default: break
        }
        if let v = t.lookup(name) {
            if case .object(let d) = v {
                switch d {
                case let c as PyClassMethod: return .object(PyMethod(function: c.function, self: .object(t)))
                case let s as PyStaticMethod: return s.function
                default:
                    if !d.type.isBuiltin, !(d is PyFunction), let get = d.type.lookup(Names.get) {
                        return try callBound(get, v, [.none, .object(t)])
                    }
                }
            }
            return v
        }
        // Methods of the metatype (`type.mro`, …).
        if let m = PyType.type.lookup(name) { return try bindDescriptor(m, instance: .object(t), owner: PyType.type) }
        return nil
    }

    func superGetAttr(_ s: PySuper, _ name: PyStr) throws -> Value? {
        if name.value == "__class__" { return .object(PyType.superType) }
        let mro = s.objectType.mro
        guard let start = mro.firstIndex(where: { $0 === s.startType }) else { return nil }
        for t in mro[(start + 1)...] {
            if let v = t.dict.getStr(name) {
                if case .object(let o) = s.object, o is PyType, s.object.asObject === s.objectType {
                    // super() in a classmethod: bind classmethods to the class, leave functions unbound.
                    if case .object(let d) = v, let c = d as? PyClassMethod {
                        return .object(PyMethod(function: c.function, self: s.object))
                    }
                    if case .object(let d) = v, let st = d as? PyStaticMethod { return st.function }
                    return v
                }
                return try bindDescriptor(v, instance: s.object, owner: s.objectType)
            }
        }
        return nil
    }

    public func setAttr(_ obj: Value, _ name: PyStr, _ value: Value) throws {
        let type = obj.type
        if let ca = lookupCached(type, name), case .object(let d) = ca {
            if let p = d as? PyProperty {
                if p.fset.isNone { throw PyError.attribute("property '\(name.value)' of '\(type.name)' object has no setter") }
                _ = try call(p.fset, Args([obj, value])); return
            }
            if let gs = d as? PyGetSetDescriptor {
                guard let set = gs.setter else {
                    throw PyError.attribute("attribute '\(name.value)' of '\(type.name)' objects is not writable")
                }
                try set(self, obj, value); return
            }
            if !d.type.isBuiltin, let set = d.type.lookup(Names.set) {
                _ = try callBound(set, ca, [obj, value]); return
            }
        }
        if !type.isBuiltin, let sa = lookupCached(type, Names.setattr), sa.asObject?.type !== PyType.builtinFunction {
            _ = try callBound(sa, obj, [.object(name), value]); return
        }
        try genericSetAttr(obj, name, value)
    }

    /// `object.__setattr__`: store in the instance dict.
    public func genericSetAttr(_ obj: Value, _ name: PyStr, _ value: Value) throws {
        if case .object(let o) = obj {
            if o.type === PyType.type {
                let t = unsafeDowncast(o, to: PyType.self)
                if t.isBuiltin { throw PyError.type("cannot set '\(name.value)' attribute of immutable type '\(t.name)'") }
                t.dict.setStr(name, value)
                PyType.invalidateLookupCaches()
                return
            }
            if o.setInstanceAttribute(name, value) { return }
        }
        if obj.type.lookup(name) != nil {
            throw PyError.attribute("'\(obj.typeName)' object attribute '\(name.value)' is read-only")
        }
        throw PyError.attribute("'\(obj.typeName)' object has no attribute '\(name.value)'")
    }

    public func delAttr(_ obj: Value, _ name: PyStr) throws {
        if let ca = obj.type.lookup(name), case .object(let d) = ca, let p = d as? PyProperty {
            if p.fdel.isNone { throw PyError.attribute("property '\(name.value)' of '\(obj.typeName)' object has no deleter") }
            _ = try call(p.fdel, Args([obj])); return
        }
        if case .object(let o) = obj, o.deleteInstanceAttribute(name) != nil {
            if o is PyType { PyType.invalidateLookupCaches() }
            return
        }
        throw attributeError(obj, name)
    }

    /// `LOAD_METHOD`: returns (function, self) when the attribute is a plain function on the type and
    /// not shadowed by the instance, so the call can skip creating a bound method.
    @inline(__always)
    func loadMethod(_ obj: Value, _ name: PyStr) throws -> (Value, Value?) {
        // Type identities come from VM fields: reading a `PyType.x` global costs a swift_once call and a
        // retain/release pair each time.
        if case .object(let o) = obj, !o.hasType(typeTypeID), !o.hasType(superTypeID), !o.hasType(moduleTypeID) {
            let t = o.type
            if let attr = lookupCached(t, name), case .object(let d) = attr,
               d.hasType(functionTypeID) || (d.hasType(builtinFunctionTypeID) && unsafeDowncast(d, to: PyBuiltinFunction.self).boundSelf == nil) {
                if let v = o.instanceAttribute(name) { return (v, nil) }
                return (attr, obj)
            }
        } else if case .object = obj {
        } else if let attr = lookupCached(obj.type, name), case .object(let d) = attr, d is PyBuiltinFunction {
            return (attr, obj)
        }
        return (try getAttr(obj, name), nil)
    }
}
