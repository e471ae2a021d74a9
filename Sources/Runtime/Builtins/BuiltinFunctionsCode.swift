import Compiler

/// Builtins that run code or expose namespaces: eval, exec, compile, globals, locals, exit, quit.
extension Builtins {
    static var codeFunctions: [NativeBinding] {
        [
            NativeBinding("eval", { vm, args in try evalOrExec(vm, args, isEval: true) }),
            NativeBinding("exec", { vm, args in try evalOrExec(vm, args, isEval: false) }),
            NativeBinding("compile", compile),
            NativeBinding("globals", { vm, args in
                try args.check("globals", min: 0, max: 0)
                guard let f = vm.currentFrame else { return .object(vm.interp.mainModule().dict) }
                return .object(f.globals)
            }),
            NativeBinding("locals", { vm, args in
                try args.check("locals", min: 0, max: 0)
                return .object(try callerLocals(vm))
            }),
        ]
    }

    /// `quit` and `exit`, as `site` makes them: callable objects whose repr tells how to leave, so typing
    /// `quit` at the prompt explains itself instead of showing a function.
    static let quitterType: PyType = {
        let t = PyType(builtin: "Quitter", base: .object, module: "_sitebuiltins")
        t.isBaseType = false
        t.method("__repr__") { _, args in
            let name = (args[0].asObject as? PyInstance)?.attribute(PyStr.intern("name")).flatMap { ($0.asObject as? PyStr)?.value } ?? "quit"
            return .str("Use \(name)() or Ctrl-D (i.e. EOF) to exit")
        }
        t.method("__call__") { vm, args in try quit(vm, args.dropFirst()) }
        return t
    }()

    static func makeQuitter(_ name: String) -> Value {
        let q = PyInstance(type: quitterType)
        q.dict.setStr("name", .str(name))
        return .object(q)
    }

    /// `help()`: this engine has no pydoc; point at the REPL's own help instead.
    static func help(_ vm: VM, _ args: Args) throws -> Value {
        if let obj = args.first, let doc = try vm.getAttrOrNil(obj, Names.doc), case .object(let o) = doc, let s = o as? PyStr {
            vm.interp.stdout.write(s.value + "\n", from: vm)
        } else {
            vm.interp.stdout.write("No pydoc here: type :help for the REPL's commands, :lessons for the lessons.\n", from: vm)
        }
        return .none
    }

    private static func quit(_ vm: VM, _ args: Args) throws -> Value {
        try args.check("exit", min: 0, max: 1, keywords: ["code"])
        let code = args.get(0, "code") ?? .none
        throw PyError(PyBaseException(type: .systemExit, args: [code]))
    }

    /// The namespace `locals()` shows in the calling frame: the module or class namespace itself, or
    /// a snapshot of a function's fast locals and cells.
    static func callerLocals(_ vm: VM) throws -> PyDict {
        guard let f = vm.currentFrame else { return vm.interp.mainModule().dict }
        if let l = f.locals { return l }
        let d = PyDict()
        let code = f.code
        let co = code.co
        for (i, name) in co.varnames.enumerated() where i < code.nlocals {
            let v = f.slots[i]
            if !v.isNull { d.setStr(name, v) }
        }
        let cellNames = co.cellvars + co.freevars
        for (j, name) in cellNames.enumerated() where j < code.ncells + code.nfree {
            if case .object(let o) = f.slots[code.nlocals + j], let cell = o as? PyCell {
                let v = cell.contents
                if v.isNull { d.deleteStr(PyStr.intern(name)) } else { d.setStr(name, v) }
            }
        }
        return d
    }

    /// The source text of eval/exec/compile's first argument (str or UTF-8 bytes), or nil for others.
    private static func sourceText(_ v: Value) -> String? {
        if case .object(let o) = v {
            if let s = o as? PyStr { return s.value }
            if let b = o as? PyBytes { return String(decoding: b.bytes, as: UTF8.self) }
        }
        return nil
    }

    static func evalOrExec(_ vm: VM, _ args: Args, isEval: Bool) throws -> Value {
        let fname = isEval ? "eval" : "exec"
        for k in args.kwnames where k != "globals" && k != "locals" {
            throw PyError.type("\(fname)() got an unexpected keyword argument '\(k)'")
        }
        if args.count == 0 { throw PyError.type("\(fname) expected at least 1 argument, got 0") }
        if args.count > 3 { throw PyError.type("\(fname) expected at most 3 arguments, got \(args.count)") }
        let source = args[0]
        let globalsArg = args.get(1, "globals") ?? .none
        let localsArg = args.get(2, "locals") ?? .none

        var globals: PyDict
        var locals: PyDict?
        if globalsArg.isNone {
            guard let f = vm.currentFrame else { throw PyError.runtime("\(fname)(): no current frame") }
            globals = f.globals
            locals = try callerLocals(vm)
        } else {
            guard case .object(let o) = globalsArg, let g = o as? PyDict else {
                if isEval { throw PyError.type("globals must be a dict") }
                throw PyError.type("exec() globals must be a dict, not \(globalsArg.typeName)")
            }
            globals = g
            locals = g
        }
        if !localsArg.isNone {
            guard case .object(let o) = localsArg, let l = o as? PyDict else {
                if isEval { throw PyError.type("locals must be a mapping") }
                throw PyError.type("locals must be a mapping or None, not \(localsArg.typeName)")
            }
            locals = l
        }
        if globals.getStr(Names.builtins) == nil { globals.setStr(Names.builtins, .object(vm.interp.builtins)) }

        let code: PyCode
        if case .object(let o) = source, let c = o as? PyCode {
            code = c
        } else if var text = sourceText(source) {
            if isEval {
                // eval() ignores leading spaces and tabs.
                text = String(text.drop { $0 == " " || $0 == "\t" })
            }
            code = try vm.interp.compile(text, filename: "<string>", mode: isEval ? .eval : .exec)
        } else {
            throw PyError.type("\(fname)() arg 1 must be a string, bytes or code object")
        }
        let result = try vm.runModuleCode(code, globals: globals, locals: locals === globals ? nil : locals)
        return isEval ? result : .none
    }

    /// `compile(source, filename, mode)`: 'exec', 'eval' or 'single' (treated as 'exec').
    static func compile(_ vm: VM, _ args: Args) throws -> Value {
        let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"]
        for k in args.kwnames where !names.contains(k) {
            throw PyError.type("compile() got an unexpected keyword argument '\(k)'")
        }
        guard let src = args.get(0, "source"), let fn = args.get(1, "filename"), let md = args.get(2, "mode") else {
            throw PyError.type("compile() missing required argument 'source' (pos 1)")
        }
        if case .object(let o) = src, o is PyCode { return src }
        guard let text = sourceText(src) else {
            throw PyError.type("compile() arg 1 must be a string, bytes or AST object")
        }
        let filename = try vm.str(fn)
        guard let mode = string(md) else { throw PyError.type("compile() argument 'mode' must be str, not \(md.typeName)") }
        switch mode {
        case "eval":
            return .object(try vm.interp.compile(String(text.drop { $0 == " " || $0 == "\t" }), filename: filename, mode: .eval))
        case "exec", "single":
            return .object(try vm.interp.compile(text, filename: filename, mode: .exec))
        default:
            throw PyError.value("compile() mode must be 'exec', 'eval' or 'single'")
        }
    }
}
