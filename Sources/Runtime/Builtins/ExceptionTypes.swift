/// The behaviour of the builtin exception types (CPython's Objects/exceptions.c): construction,
/// `args`, `__str__`/`__repr__`, the chaining attributes, and the extra attributes of StopIteration,
/// SystemExit, OSError, ImportError, NameError, AttributeError, SyntaxError and UnicodeDecodeError.
///
/// Instances are always `PyBaseException` (user subclasses too: their layout is `.exception`), so
/// every method here can rely on that.
extension RuntimeSetup {
    static func installExceptionTypes() {
        let base = PyType.baseException
        for t in PyType.allExceptionTypes {
            t.constructor = { _, type, args in .object(PyBaseException(type: type, args: args.positional)) }
        }
        // OSError(errno, strerror) makes the subclass for the errno, as CPython's OSError.__new__ does.
        PyType.osError.constructor = { _, type, args in
            var t = type
            if type === PyType.osError, args.count >= 2, case .int(let errno) = args[0] {
                switch errno {
                case 2: t = .fileNotFoundError
                case 110: t = .timeoutError
                default: break
                }
            }
            return .object(PyBaseException(type: t, args: args.positional))
        }
        base.dict.setStr("__new__", .object(PyStaticMethod(.object(PyBuiltinFunction(name: "__new__", qualname: "BaseException.__new__") { _, args in
            guard case .object(let o)? = args.first, let cls = o as? PyType else {
                throw PyError.type("BaseException.__new__(X): X is not a type object")
            }
            guard cls.isSubtype(of: .baseException) else {
                throw PyError.type("BaseException.__new__(\(cls.name)): \(cls.name) is not a subtype of BaseException")
            }
            return .object(PyBaseException(type: cls, args: Array(args.positional.dropFirst())))
        }))))
        base.method("__init__") { _, args in
            let e = try ExceptionSupport.selfException(args, "__init__")
            if args.hasKeywords { throw PyError.type("\(e.type.name)() takes no keyword arguments") }
            e.args = Array(args.positional.dropFirst())
            return .none
        }
        base.method("__str__") { vm, args in
            .str(try ExceptionSupport.baseStr(vm, try ExceptionSupport.selfException(args, "__str__")))
        }
        base.method("__repr__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__repr__")
            if e.args.count == 1 { return .str("\(e.type.name)(\(try vm.repr(e.args[0])))") }
            return .str(e.type.name + (try vm.repr(.object(PyTuple(e.args)))))
        }
        base.getter("args", { vm, v in
            .object(PyTuple(try ExceptionSupport.exception(v).args))
        }, set: { vm, v, new in
            try ExceptionSupport.exception(v).args = try vm.toArray(new)
        })
        base.getter("__cause__", { _, v in try ExceptionSupport.exception(v).cause }, set: { _, v, new in
            guard new.isNone || new.asObject is PyBaseException else {
                throw PyError.type("exception cause must be None or derive from BaseException")
            }
            let e = try ExceptionSupport.exception(v)
            e.cause = new
            e.suppressContext = true
        })
        base.getter("__context__", { _, v in try ExceptionSupport.exception(v).context }, set: { _, v, new in
            guard new.isNone || new.asObject is PyBaseException else {
                throw PyError.type("exception context must be None or derive from BaseException")
            }
            try ExceptionSupport.exception(v).context = new
        })
        base.getter("__suppress_context__", { _, v in .bool(try ExceptionSupport.exception(v).suppressContext) },
                    set: { vm, v, new in try ExceptionSupport.exception(v).suppressContext = try vm.truthy(new) })
        base.getter("__traceback__", { _, _ in .none }, set: { _, _, _ in })
        base.method("with_traceback") { _, args in
            _ = try ExceptionSupport.selfException(args, "with_traceback")
            guard args.count == 2 else { throw PyError.type("BaseException.with_traceback() takes exactly one argument (\(args.count - 1) given)") }
            return args[0]
        }
        base.method("add_note") { vm, args in
            let e = try ExceptionSupport.selfException(args, "add_note")
            guard args.count == 2 else { throw PyError.type("BaseException.add_note() takes exactly one argument (\(args.count - 1) given)") }
            guard args[1].asObject is PyStr else { throw PyError.type("note must be a str, not '\(args[1].typeName)'") }
            if case .object(let o)? = e.dict.getStr("__notes__"), let l = o as? PyList { l.append(args[1]); return .none }
            e.dict.setStr("__notes__", .object(PyList([args[1]])))
            return .none
        }
        base.method("__reduce__") { _, args in
            let e = try ExceptionSupport.selfException(args, "__reduce__")
            return .object(PyTuple([.object(e.type), .object(PyTuple(e.args))]))
        }

        installKeyError()
        installValueAttributes()
        installOSError()
        installNameErrors()
        installSyntaxError()
        installUnicodeErrors()
    }

    private static func installKeyError() {
        PyType.keyError.method("__str__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__str__")
            if e.args.count == 1 { return .str(try vm.repr(e.args[0])) }
            return .str(try ExceptionSupport.baseStr(vm, e))
        }
    }

    /// StopIteration.value and SystemExit.code: derived from `args` unless assigned.
    private static func installValueAttributes() {
        PyType.stopIteration.getter("value", { _, v in
            let e = try ExceptionSupport.exception(v)
            if let stored = e.dict.getStr("value") { return stored }
            return e.args.first ?? .none
        }, set: { _, v, new in try ExceptionSupport.exception(v).dict.setStr("value", new) })
        PyType.systemExit.getter("code", { _, v in
            let e = try ExceptionSupport.exception(v)
            if let stored = e.dict.getStr("code") { return stored }
            switch e.args.count {
            case 0: return .none
            case 1: return e.args[0]
            default: return .object(PyTuple(e.args))
            }
        }, set: { _, v, new in try ExceptionSupport.exception(v).dict.setStr("code", new) })
    }

    private static func installOSError() {
        let t = PyType.osError
        for n in ["errno", "strerror", "filename", "filename2"] { t.constant(n, .none) }
        t.method("__init__") { _, args in
            let e = try ExceptionSupport.selfException(args, "__init__")
            if !args.kwnames.isEmpty { throw PyError.type("\(e.type.name)() takes no keyword arguments") }
            var a = Array(args.positional.dropFirst())
            if a.count >= 2 && a.count <= 5 {
                e.dict.setStr("errno", a[0])
                e.dict.setStr("strerror", a[1])
                if a.count >= 3 { e.dict.setStr("filename", a[2]) }
                if a.count >= 5 { e.dict.setStr("filename2", a[4]) }
                if a.count >= 3 { a = Array(a[0..<2]) }
            }
            e.args = a
            return .none
        }
        t.method("__str__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__str__")
            let errno = e.dict.getStr("errno") ?? .none, strerror = e.dict.getStr("strerror") ?? .none
            let filename = e.dict.getStr("filename") ?? .none, filename2 = e.dict.getStr("filename2") ?? .none
            if !filename.isNone {
                var s = "[Errno \(try vm.str(errno))] \(try vm.str(strerror)): \(try vm.repr(filename))"
                if !filename2.isNone { s += " -> \(try vm.repr(filename2))" }
                return .str(s)
            }
            if !errno.isNone && !strerror.isNone { return .str("[Errno \(try vm.str(errno))] \(try vm.str(strerror))") }
            return .str(try ExceptionSupport.baseStr(vm, e))
        }
    }

    /// ImportError (name, path, msg), NameError (name), AttributeError (name, obj): keyword arguments.
    private static func installNameErrors() {
        let specs: [(PyType, [String])] = [(.importError, ["name", "path"]), (.nameError, ["name"]),
                                           (.attributeError, ["name", "obj"])]
        for (t, keywords) in specs {
            for k in keywords { t.constant(k, .none) }
            t.method("__init__") { _, args in
                let e = try ExceptionSupport.selfException(args, "__init__")
                for (k, v) in zip(args.kwnames, args.kwvalues) {
                    guard keywords.contains(k) else {
                        throw PyError.type("'\(k)' is an invalid keyword argument for \(e.type.name)()")
                    }
                    e.dict.setStr(k, v)
                }
                e.args = Array(args.positional.dropFirst())
                if t === PyType.importError { e.dict.setStr("msg", e.args.count == 1 ? e.args[0] : .none) }
                return .none
            }
        }
        PyType.importError.constant("msg", .none)
        PyType.importError.method("__str__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__str__")
            if case .object(let o)? = e.dict.getStr("msg"), let s = o as? PyStr { return .object(s) }
            return .str(try ExceptionSupport.baseStr(vm, e))
        }
    }

    private static func installSyntaxError() {
        let t = PyType.syntaxError
        for n in ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
            t.constant(n, .none)
        }
        t.method("__init__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__init__")
            if !args.kwnames.isEmpty { throw PyError.type("\(e.type.name)() takes no keyword arguments") }
            let a = Array(args.positional.dropFirst())
            e.args = a
            if a.count >= 1 { e.dict.setStr("msg", a[0]) }
            if a.count == 2 {
                let info = try vm.toArray(a[1])
                guard info.count >= 4 && info.count <= 6 else {
                    throw PyError(.make(.indexError, "tuple index out of range"))
                }
                for (n, v) in zip(["filename", "lineno", "offset", "text", "end_lineno", "end_offset"], info) {
                    e.dict.setStr(n, v)
                }
            }
            return .none
        }
        t.method("__str__") { vm, args in
            let e = try ExceptionSupport.selfException(args, "__str__")
            let msg = try vm.str(e.dict.getStr("msg") ?? .none)
            var filename: String?
            if case .object(let o)? = e.dict.getStr("filename"), let s = o as? PyStr {
                filename = s.value.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? s.value
            }
            var lineno: Int?
            if case .int(let n)? = e.dict.getStr("lineno") { lineno = n }
            switch (filename, lineno) {
            case let (f?, l?): return .str("\(msg) (\(f), line \(l))")
            case let (f?, nil): return .str("\(msg) (\(f))")
            case let (nil, l?): return .str("\(msg) (line \(l))")
            default: return .str(msg)
            }
        }
    }

    private static func installUnicodeErrors() {
        let t = PyType.unicodeDecodeError
        for n in ["encoding", "object", "start", "end", "reason"] { PyType.unicodeError.constant(n, .none) }
        for u in [PyType.unicodeDecodeError, PyType.unicodeEncodeError] {
            u.method("__init__") { _, args in
                let e = try ExceptionSupport.selfException(args, "__init__")
                let a = Array(args.positional.dropFirst())
                e.args = a
                if a.count == 5 {
                    for (n, v) in zip(["encoding", "object", "start", "end", "reason"], a) { e.dict.setStr(n, v) }
                }
                return .none
            }
            u.method("__str__") { vm, args in
                let e = try ExceptionSupport.selfException(args, "__str__")
                guard e.args.count == 5, case .int(let start) = e.args[2], case .int(let end) = e.args[3] else {
                    return .str(try ExceptionSupport.baseStr(vm, e))
                }
                let enc = try vm.str(e.args[0]), reason = try vm.str(e.args[4])
                let decoding = u === t
                if decoding, case .object(let o) = e.args[1], let b = o as? PyBytes, start >= 0, start < b.bytes.count {
                    if end == start + 1 {
                        let hex = String(b.bytes[start], radix: 16)
                        return .str("'\(enc)' codec can't decode byte 0x\(hex.count < 2 ? "0" + hex : hex) in position \(start): \(reason)")
                    }
                    return .str("'\(enc)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
                }
                if !decoding, case .object(let o) = e.args[1], let s = o as? PyStr, start >= 0, start < s.count {
                    if end == start + 1 {
                        let c = s.value.unicodeScalars[s.value.unicodeScalars.index(s.value.unicodeScalars.startIndex, offsetBy: start)].value
                        let hex = String(c, radix: 16)
                        let esc = c <= 0xff ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                            : c <= 0xffff ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                            : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                        return .str("'\(enc)' codec can't encode character '\(esc)' in position \(start): \(reason)")
                    }
                    return .str("'\(enc)' codec can't encode characters in position \(start)-\(end - 1): \(reason)")
                }
                return .str(try ExceptionSupport.baseStr(vm, e))
            }
        }
    }
}

/// Helpers for the exception methods.
enum ExceptionSupport {
    static func exception(_ v: Value) throws -> PyBaseException {
        guard case .object(let o) = v, let e = o as? PyBaseException else {
            throw PyError.type("descriptor requires a 'BaseException' object but received a '\(v.typeName)'")
        }
        return e
    }

    static func selfException(_ args: Args, _ method: String) throws -> PyBaseException {
        guard let first = args.first else {
            throw PyError.type("descriptor '\(method)' of 'BaseException' object needs an argument")
        }
        guard case .object(let o) = first, let e = o as? PyBaseException else {
            throw PyError.type("descriptor '\(method)' requires a 'BaseException' object but received a '\(first.typeName)'")
        }
        return e
    }

    /// `BaseException.__str__`: '' for no args, str(arg) for one, str(args) otherwise.
    static func baseStr(_ vm: VM, _ e: PyBaseException) throws -> String {
        switch e.args.count {
        case 0: return ""
        case 1: return try vm.str(e.args[0])
        default: return try vm.str(.object(PyTuple(e.args)))
        }
    }
}
