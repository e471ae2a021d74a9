import Foundation

/// The `sys` module.
public enum SysModule {
    static let versionInfoType = PyStructSeq.makeType(name: "version_info", module: "sys",
        fields: ["major", "minor", "micro", "releaselevel", "serial"])
    static let flagsType = PyStructSeq.makeType(name: "flags", module: "sys",
        fields: ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
                 "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
                 "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"])
    static let floatInfoType = PyStructSeq.makeType(name: "float_info", module: "sys",
        fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon",
                 "radix", "rounds"])
    static let intInfoType = PyStructSeq.makeType(name: "int_info", module: "sys",
        fields: ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"])
    static let hashInfoType = PyStructSeq.makeType(name: "hash_info", module: "sys",
        fields: ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"])
    /// `types.SimpleNamespace`-like holder for `sys.implementation`.
    static let namespaceType: PyType = {
        let t = PyType(builtin: "SimpleNamespace", base: .object, module: "types")
        t.method("__repr__") { vm, args in
            guard let d = args[0].asObject?.instanceDict else { return .str("namespace()") }
            let parts = try d.items.map { "\(try vm.str($0.0))=\(try vm.repr($0.1))" }
            return .str("namespace(\(parts.joined(separator: ", ")))")
        }
        return t
    }()

    public static let versionString = "3.11.7 (interleave, Swift) [Interleave bytecode VM]"

    public static func populate(_ module: PyModule, interp: Interpreter) {
        let d = module.dict
        d.setStr("__doc__", .str("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."))
        d.setStr("argv", .object(PyList(interp.options.argv.map { .str($0) })))
        d.setStr("orig_argv", .object(PyList((["interleave"] + interp.options.argv).map { .str($0) })))
        d.setStr("version", .str(versionString))
        let versionInfo = PyStructSeq(type: versionInfoType, items: [.int(3), .int(11), .int(7), .str("final"), .int(0)])
        d.setStr("version_info", .object(versionInfo))
        d.setStr("hexversion", .int(0x030B07F0))
        d.setStr("api_version", .int(1013))
        d.setStr("copyright", .str("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."))
        let impl = PyInstance(type: namespaceType)
        impl.dict.setStr("name", .str("interleave"))
        impl.dict.setStr("cache_tag", .none)
        impl.dict.setStr("version", .object(versionInfo))
        impl.dict.setStr("hexversion", .int(0x030B07F0))
        d.setStr("implementation", .object(impl))
        d.setStr("platform", .str("linux"))
        d.setStr("byteorder", .str(UInt16(1).littleEndian == 1 ? "little" : "big"))
        d.setStr("maxsize", .int(Int.max))
        d.setStr("maxunicode", .int(0x10FFFF))
        d.setStr("executable", .str(executablePath()))
        d.setStr("prefix", .str("/usr/local"))
        d.setStr("base_prefix", .str("/usr/local"))
        d.setStr("exec_prefix", .str("/usr/local"))
        d.setStr("path", .object(PyList()))
        d.setStr("meta_path", .object(PyList()))
        d.setStr("path_hooks", .object(PyList()))
        d.setStr("modules", .object(interp.modules))
        d.setStr("builtin_module_names", .object(PyTuple(["builtins", "sys"].map { .str($0) })))
        d.setStr("dont_write_bytecode", .bool(true))
        d.setStr("float_repr_style", .str("short"))
        let out = PyTextStream(.stdout), err = PyTextStream(.stderr), inp = PyTextStream(.stdin)
        for (name, s) in [("stdout", out), ("stderr", err), ("stdin", inp)] {
            d.setStr(name, .object(s))
            d.setStr("__\(name)__", .object(s))
        }
        d.setStr("flags", .object(PyStructSeq(type: flagsType, items:
            [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0].map { .int($0) } + [.bool(false), .int(0), .int(0), .bool(false), .int(-1)])))
        d.setStr("float_info", .object(PyStructSeq(type: floatInfoType, items: [
            .float(Double.greatestFiniteMagnitude), .int(1024), .int(308), .float(Double.leastNormalMagnitude),
            .int(-1021), .int(-307), .int(15), .int(53), .float(Double.ulpOfOne), .int(2), .int(1)])))
        d.setStr("int_info", .object(PyStructSeq(type: intInfoType, items: [.int(30), .int(4), .int(4300), .int(640)])))
        d.setStr("hash_info", .object(PyStructSeq(type: hashInfoType, items: [
            .int(64), .int(Hashing.modulus), .int(314159), .int(0), .int(1000003), .str("siphash13"), .int(64),
            .int(128), .int(0)])))

        for binding in functions { d.setStr(binding.name, .object(binding.function())) }
        // The defaults, kept under their dunder names as CPython does.
        d.setStr("__displayhook__", d.getStr("displayhook")!)
        d.setStr("__excepthook__", d.getStr("excepthook")!)
    }

    private static func executablePath() -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return CommandLine.arguments.first ?? ""
    }

    static var functions: [NativeBinding] {
        [
            NativeBinding("exit", { _, args in
                try args.check("exit", min: 0, max: 1)
                throw PyError(PyBaseException(type: .systemExit, args: args.count == 1 ? [args[0]] : []))
            }),
            NativeBinding("getrecursionlimit", { vm, args in
                try args.check("getrecursionlimit", min: 0, max: 0)
                return .int(vm.interp.recursionLimit.load(ordering: .relaxed))
            }),
            NativeBinding("setrecursionlimit", { vm, args in
                try args.check("setrecursionlimit", min: 1, max: 1)
                if case .float = args[0] { throw PyError.type("'float' object cannot be interpreted as an integer") }
                let n = try vm.index(args[0])
                if n < 1 { throw PyError.value("recursion limit must be greater or equal than 1") }
                vm.interp.recursionLimit.store(n, ordering: .relaxed)
                return .none
            }),
            NativeBinding("getswitchinterval", { vm, args in
                try args.check("getswitchinterval", min: 0, max: 0)
                return .float(Double(vm.interp.gil.switchIntervalMicros.load(ordering: .relaxed)) / 1e6)
            }),
            NativeBinding("setswitchinterval", { vm, args in
                try args.check("setswitchinterval", min: 1, max: 1)
                let secs = try BuiltinNumerics.toDouble(vm, args[0])
                if !(secs > 0) { throw PyError.value("switch interval must be strictly positive") }
                let micros = secs * 1e6
                let us = micros >= Double(Int.max) ? Int.max : Int(micros)
                vm.interp.gil.switchIntervalMicros.store(max(us, 1), ordering: .relaxed)
                return .none
            }),
            // CPython 3.13's free-threading query: whether this run has a GIL (`-X gil=0|1`, $PYTHON_GIL).
            // CPython 3.11 lacks it (its GIL is always on); lessons read it with a `True` fallback.
            NativeBinding("_is_gil_enabled", { vm, args in
                try args.check("_is_gil_enabled", min: 0, max: 0)
                return .bool(vm.interp.gil.enabled)
            }),
            NativeBinding("getsizeof", { vm, args in
                try args.check("getsizeof", min: 1, max: 2)
                return .int(try sizeOf(vm, args[0]))
            }),
            NativeBinding("intern", { _, args in
                try args.check("intern", min: 1, max: 1)
                guard case .object(let o) = args[0], let s = o as? PyStr else {
                    throw PyError.type("intern() argument must be str, not \(args[0].typeName)")
                }
                return .object(PyStr.intern(s.value))
            }),
            NativeBinding("exc_info", { vm, args in
                try args.check("exc_info", min: 0, max: 0)
                guard case .object(let o) = vm.handledException, let e = o as? PyBaseException else {
                    return .object(PyTuple([.none, .none, .none]))
                }
                return .object(PyTuple([.object(e.type), .object(e), .none]))
            }),
            NativeBinding("exception", { vm, args in
                try args.check("exception", min: 0, max: 0)
                return vm.handledException.asObject is PyBaseException ? vm.handledException : .none
            }),
            NativeBinding("displayhook", { vm, args in
                try args.check("displayhook", min: 1, max: 1)
                let v = args[0]
                if v.isNone { return .none }
                let builtins = vm.interp.builtins.dict
                builtins.setStr("_", .none)
                let text = try vm.repr(v) + "\n"
                let out = vm.interp.sys.dict.getStr("stdout") ?? .none
                if case .object(let o) = out, let s = o as? PyTextStream { try s.write(text, vm: vm) }
                else if !out.isNone { _ = try vm.call(try vm.getAttr(out, "write"), Args([.str(text)])) }
                builtins.setStr("_", v)
                return .none
            }),
            NativeBinding("excepthook", { vm, args in
                try Builtins.checkArgs(args, "excepthook", min: 3, max: 3)
                guard case .object(let o) = args[1], let e = o as? PyBaseException else {
                    throw PyError.type("print_exception(): Exception expected for value, \(args[1].typeName) found")
                }
                vm.printException(e)
                return .none
            }),
            NativeBinding("getdefaultencoding", { _, _ in .str("utf-8") }),
            NativeBinding("getfilesystemencoding", { _, _ in .str("utf-8") }),
            NativeBinding("getrefcount", { _, args in
                try args.check("getrefcount", min: 1, max: 1)
                return .int(2)
            }),
            NativeBinding("get_int_max_str_digits", { _, _ in .int(4300) }),
            NativeBinding("is_finalizing", { _, _ in .bool(false) }),
        ]
    }

    /// A rough `sys.getsizeof`, following CPython's 64-bit object sizes.
    static func sizeOf(_ vm: VM, _ v: Value) throws -> Int {
        switch v {
        case .none, .null: return 16
        case .bool: return 28
        case .int(let n):
            let bits = n.magnitude.bitWidth - n.magnitude.leadingZeroBitCount
            return 24 + 4 * Swift.max(1, (bits + 29) / 30)
        case .float: return 24
        case .object(let o):
            switch o {
            case let b as PyBigInt: return 24 + 4 * ((b.value.magnitude.bitWidth + 29) / 30)
            case let s as PyStr:
                if s.isASCII { return 49 + s.count }
                let maxScalar = s.value.unicodeScalars.map(\.value).max() ?? 0
                let width = maxScalar < 0x100 ? 1 : maxScalar < 0x10000 ? 2 : 4
                return 72 + width * (s.count + 1)
            case let b as PyBytes: return 33 + b.bytes.count
            case let l as PyList: return 56 + 8 * l.count
            case let t as PyTuple: return 40 + 8 * t.items.count
            case let d as PyDict:
                let n = d.count
                return n == 0 ? 64 : n <= 5 ? 224 : n <= 10 ? 352 : n <= 21 ? 632 : 1168 * Swift.max(1, n / 42)
            case let s as PySet: return s.count <= 4 ? 216 : 728
            default:
                if let m = o.type.lookup(PyStr.intern("__sizeof__")), !o.type.isBuiltin {
                    return try vm.index(try vm.callBound(m, v, []))
                }
                return 48
            }
        }
    }
}
