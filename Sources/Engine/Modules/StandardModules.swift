import Runtime

/// Installs the native standard-library modules (`time`, `os`, `random`, `math`) as importable
/// factories of an interpreter.
public enum StandardModules {
    public static func install(into interp: Interpreter) {
        interp.moduleFactories["time"] = TimeModule.make
        interp.moduleFactories["os"] = OSModule.make
        interp.moduleFactories["random"] = RandomModule.make
        interp.moduleFactories["math"] = MathModule.make
    }
}

extension PyModule {
    /// Adds a native function to the module namespace.
    func defineFunction(_ name: String, doc: String? = nil, _ fn: @escaping NativeFunction) {
        dict.setStr(name, .object(PyBuiltinFunction(name: name, qualname: name, doc: doc, fn)))
    }
}

/// Arity checking for module functions written like Python functions (`Random.randint(a, b)`),
/// with CPython's messages for Python-level functions.
struct ParameterBinder {
    let fname: String
    let names: [String]
    let required: Int
    /// Counted in the "takes N positional arguments" message (1 for methods: `self`).
    let implicit: Int
    let keywordOnly: [String]

    init(_ fname: String, _ names: [String], required: Int, implicit: Int = 0, keywordOnly: [String] = []) {
        self.fname = fname; self.names = names; self.required = required; self.implicit = implicit
        self.keywordOnly = keywordOnly
    }

    /// The argument for each parameter (positional names, then keyword-only), nil when not given.
    func bind(_ args: Args, skip: Int = 0) throws -> [Value?] {
        let positional = Array(args.positional.dropFirst(skip))
        if positional.count > names.count {
            let total = names.count + implicit, given = positional.count + implicit
            let takes = required == names.count ? "\(total) positional argument\(total == 1 ? "" : "s")"
                : "from \(required + implicit) to \(total) positional arguments"
            throw PyError.type("\(fname)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
        }
        var out: [Value?] = positional.map { $0 } + Array(repeating: nil, count: names.count - positional.count)
        out += Array(repeating: nil, count: keywordOnly.count)
        for (k, v) in zip(args.kwnames, args.kwvalues) {
            if let i = names.firstIndex(of: k) {
                if out[i] != nil { throw PyError.type("\(fname)() got multiple values for argument '\(k)'") }
                out[i] = v
            } else if let j = keywordOnly.firstIndex(of: k) {
                out[names.count + j] = v
            } else {
                throw PyError.type("\(fname)() got an unexpected keyword argument '\(k)'")
            }
        }
        let missing = (0..<required).filter { out[$0] == nil }.map { "'\(names[$0])'" }
        if !missing.isEmpty {
            let list: String
            switch missing.count {
            case 1: list = missing[0]
            case 2: list = "\(missing[0]) and \(missing[1])"
            default: list = missing.dropLast().joined(separator: ", ") + ", and " + missing.last!
            }
            throw PyError.type("\(fname)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        return out
    }
}
