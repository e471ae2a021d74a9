/// `import`: modules come from `sys.modules` or from the interpreter's native module factories
/// (the Engine installs `time`, `os`, `threading` …).
extension VM {
    func importModule(_ name: String, fromlist: Value, level: Value, globals: PyDict) throws -> Value {
        if case .int(let l) = level, l > 0 {
            throw PyError(.make(.importError, "attempted relative import with no known parent package"))
        }
        let parts = name.split(separator: ".").map(String.init)
        var module: Value = .none
        var path = ""
        var top: Value = .none
        for (i, part) in parts.enumerated() {
            path = i == 0 ? part : path + "." + part
            module = try loadModule(path)
            if i == 0 { top = module }
        }
        let hasFromlist: Bool = {
            if case .object(let o) = fromlist, let t = o as? PyTuple { return !t.items.isEmpty }
            return !fromlist.isNone
        }()
        return hasFromlist ? module : top
    }

    public func loadModule(_ name: String) throws -> Value {
        if let m = interp.modules.getStr(name) { return m }
        if let factory = interp.moduleFactories[name] {
            let m = try factory(interp)
            interp.modules.setStr(name, .object(m))
            return .object(m)
        }
        let e = PyBaseException.make(.moduleNotFoundError, "No module named '\(name)'")
        e.dict.setStr("name", .str(name))
        throw PyError(e)
    }

    func importFrom(_ module: Value, _ name: PyStr) throws -> Value {
        if let v = try getAttrOrNil(module, name) { return v }
        if case .object(let o) = module, let m = o as? PyModule {
            if let sub = try? loadModule(m.name + "." + name.value) { return sub }
            throw PyError(.make(.importError, "cannot import name '\(name.value)' from '\(m.name)' (unknown location)"))
        }
        throw PyError(.make(.importError, "cannot import name '\(name.value)'"))
    }

    func importStar(_ module: Value, into ns: PyDict) throws {
        guard case .object(let o) = module, let m = o as? PyModule else { return }
        if case .object(let ao)? = m.dict.getStr("__all__") {
            for n in try toArray(.object(ao)) {
                guard case .object(let so) = n, let s = so as? PyStr else { continue }
                ns.setStr(s, try getAttr(module, s))
            }
            return
        }
        for (k, v) in m.dict.items {
            guard case .object(let ko) = k, let s = ko as? PyStr, !s.value.hasPrefix("_") else { continue }
            ns.setStr(s, v)
        }
    }
}
