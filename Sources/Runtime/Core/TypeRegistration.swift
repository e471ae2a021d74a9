/// A computed attribute of a builtin type (`exc.args`, `range.start`, `func.__name__`): a data
/// descriptor implemented in Swift.
public final class PyGetSetDescriptor: PyObject {
    public let name: String
    public let getter: (VM, Value) throws -> Value
    public let setter: ((VM, Value, Value) throws -> Void)?
    public init(name: String, getter: @escaping (VM, Value) throws -> Value,
                setter: ((VM, Value, Value) throws -> Void)? = nil) {
        self.name = name; self.getter = getter; self.setter = setter
        super.init(type: PyGetSetDescriptor.descriptorType)
    }
    public static let descriptorType = PyType(builtin: "getset_descriptor", base: .object)
}

/// Registration helpers used by the files that implement builtin types' methods.
extension PyType {
    /// A method: `fn` receives the object as `args[0]`, then the call's arguments.
    public func method(_ name: String, doc: String? = nil, _ fn: @escaping NativeFunction) {
        let f = PyBuiltinFunction(name: name, qualname: "\(self.name).\(name)", doc: doc, fn)
        // Builtin types' methods live as long as their (immortal) types: skip their refcounting.
        if isBuiltin { Immortal.make(f) }
        dict.setStr(name, .object(f))
        PyType.invalidateLookupCaches()
    }

    /// A read-only (or read-write) computed attribute.
    public func getter(_ name: String, _ get: @escaping (VM, Value) throws -> Value,
                       set: ((VM, Value, Value) throws -> Void)? = nil) {
        dict.setStr(name, .object(PyGetSetDescriptor(name: name, getter: get, setter: set)))
    }

    /// A class method: `fn` receives the class the method was looked up on.
    public func classMethod(_ name: String, _ fn: @escaping (VM, PyType, Args) throws -> Value) {
        let f = PyBuiltinFunction(name: name, qualname: "\(self.name).\(name)") { vm, args in
            guard case .object(let o)? = args.first, let t = o as? PyType else {
                throw PyError.type("descriptor '\(name)' needs a type")
            }
            return try fn(vm, t, args.dropFirst())
        }
        dict.setStr(name, .object(PyClassMethod(.object(f))))
    }

    /// A static method (no implicit first argument).
    public func staticMethod(_ name: String, _ fn: @escaping NativeFunction) {
        let f = PyBuiltinFunction(name: name, qualname: "\(self.name).\(name)", fn)
        dict.setStr(name, .object(PyStaticMethod(.object(f))))
    }

    /// A class-level constant attribute.
    public func constant(_ name: String, _ v: Value) { dict.setStr(name, v); PyType.invalidateLookupCaches() }
}

extension PyType {
    /// Defines the method `name` of a builtin type whose instances are the Swift class `cls`, with the
    /// receiver lent to `body` (read in place from the arguments, not retained): getting it with
    /// `selfAs` cost an atomic retain and release of the receiver per call (a fifth of `s.strip()`).
    /// A receiver that is not exactly of `cls` takes `selfAs`, which accepts subclasses and raises the
    /// usual descriptor error otherwise; no receiver at all is CPython's "unbound method" error.
    func receiverMethod<T: PyObject>(_ cls: T.Type, _ typeName: String, _ name: String,
                                     _ body: @escaping (VM, T, Args) throws -> Value) {
        method(name) { vm, args in
            if let u = args.peekObject(0), let r = try u._withUnsafeGuaranteedRef({ o -> Value? in
                guard o.isExactly(T.self) else { return nil }
                return try body(vm, unsafeDowncast(o, to: T.self), args)
            }) { return r }
            if args.isEmpty && !name.hasPrefix("__") {
                throw PyError.type("unbound method \(typeName).\(name)() needs an argument")   // CPython's wording
            }
            return try body(vm, try TypeSupport.selfAs(args, T.self, typeName, name), args)
        }
    }
}
