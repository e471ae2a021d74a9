/// The `builtins` module: the builtin types by name, the exception classes, the constants and the
/// builtin functions (implemented in the `BuiltinFunctions*.swift` files, grouped by concern).
///
/// `__build_class__` and `__import__` belong to the VM and are registered by it.
public enum Builtins {
    /// Fills the `builtins` module: functions, the builtin types by name, exception classes.
    public static func populate(_ module: PyModule, interp: Interpreter) {
        let d = module.dict
        d.setStr("__name__", .str("builtins"))
        d.setStr("__doc__", .str("Built-in functions, types, exceptions, and other objects."))
        let types: [PyType] = [.object, .type, .int, .bool, .float, .str, .bytes, .list, .tuple, .dict, .set,
                               .frozenset, .range, .slice, .enumerate, .zip, .map, .filter, .reversed,
                               .property, .staticmethod, .classmethod, .superType]
        for t in types { d.setStr(t.name, .object(t)) }
        for t in PyType.allExceptionTypes { d.setStr(t.name, .object(t)) }
        d.setStr("EnvironmentError", .object(PyType.osError))
        d.setStr("IOError", .object(PyType.osError))
        d.setStr("NotImplemented", .object(PyNotImplemented.shared))
        d.setStr("Ellipsis", .object(PyEllipsis.shared))
        d.setStr("__debug__", .bool(true))

        var fns: [NativeBinding] = []
        fns += ioFunctions
        fns += numericFunctions
        fns += iterationFunctions
        fns += introspectionFunctions
        fns += codeFunctions
        fns.append(NativeBinding("help", help))
        for binding in fns {
            let f = binding.function()
            Immortal.make(f)   // looked up and called constantly; lives as long as the interpreter anyway
            d.setStr(binding.name, .object(f))
        }
        d.setStr("quit", makeQuitter("quit"))
        d.setStr("exit", makeQuitter("exit"))
    }

    /// Shorthand for the single argument of a one-argument builtin, with CPython's arity error.
    @inline(__always)
    static func one(_ args: Args, _ name: String) throws -> Value {
        if args.count != 1 || args.hasKeywords { try args.check(name, min: 1, max: 1) }
        return args[0]
    }

    /// `Args.check` with CPython's `_PyArg_CheckPositional` wording for fixed arity ≥ 2
    /// ("divmod expected 2 arguments, got 1").
    public static func checkArgs(_ args: Args, _ name: String, min: Int, max: Int, keywords: [String] = []) throws {
        if min == max && min >= 2 && args.count != min && args.kwnames.allSatisfy({ keywords.contains($0) }) {
            throw PyError.type("\(name) expected \(min) arguments, got \(args.count)")
        }
        try args.check(name, min: min, max: max, keywords: keywords)
    }

    /// The str payload of `v`, or nil.
    @inline(__always)
    static func string(_ v: Value) -> String? {
        if case .object(let o) = v, let s = o as? PyStr { return s.value }
        return nil
    }
}
