import Foundation
import Runtime

/// The `os` module: process identity, the environment (a dict snapshot), the working directory,
/// path constants and `urandom`. `os.path` is not provided.
public enum OSModule {
    public static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "os")
        let d = m.dict
        d.setStr("name", .str("posix"))
        d.setStr("sep", .str("/"))
        d.setStr("altsep", .none)
        d.setStr("extsep", .str("."))
        d.setStr("pathsep", .str(":"))
        d.setStr("linesep", .str("\n"))
        d.setStr("curdir", .str("."))
        d.setStr("pardir", .str(".."))
        d.setStr("devnull", .str("/dev/null"))
        d.setStr("environ", .object(environmentSnapshot()))
        d.setStr("error", .object(PyType.osError))

        m.defineFunction("getpid") { _, args in
            try args.check("getpid", min: 0, max: 0)
            return .int(Int(getpid()))
        }
        m.defineFunction("getppid") { _, args in
            try args.check("getppid", min: 0, max: 0)
            return .int(Int(getppid()))
        }
        m.defineFunction("getuid") { _, _ in .int(Int(getuid())) }
        m.defineFunction("getgid") { _, _ in .int(Int(getgid())) }
        m.defineFunction("cpu_count") { _, args in
            try args.check("cpu_count", min: 0, max: 0)
            let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            return n > 0 ? .int(n) : .none
        }
        m.defineFunction("getcwd") { _, args in
            try args.check("getcwd", min: 0, max: 0)
            return .str(FileManager.default.currentDirectoryPath)
        }
        m.defineFunction("getenv") { vm, args in
            try args.check("getenv", min: 1, max: 2, keywords: ["key", "default"])
            guard let key = args.get(0, "key") else { throw PyError.type("getenv() missing 1 required positional argument: 'key'") }
            guard case .object(let o) = key, let k = o as? PyStr else { throw PyError.type("str expected, not \(key.typeName)") }
            // os.getenv reads os.environ (so assignments to it are seen).
            if case .object(let eo)? = m.dict.getStr("environ"), let env = eo as? PyDict,
               let v = try env.get(.object(k), vm: vm) { return v }
            return args.get(1, "default") ?? .none
        }
        m.defineFunction("putenv") { vm, args in
            try args.check("putenv", min: 2, max: 2)
            setenv(try vm.str(args[0]), try vm.str(args[1]), 1)
            return .none
        }
        m.defineFunction("unsetenv") { vm, args in
            try args.check("unsetenv", min: 1, max: 1)
            unsetenv(try vm.str(args[0]))
            return .none
        }
        m.defineFunction("strerror") { vm, args in
            try args.check("strerror", min: 1, max: 1)
            return .str(String(cString: Foundation.strerror(Int32(truncatingIfNeeded: try vm.index(args[0])))))
        }
        m.defineFunction("urandom") { vm, args in
            try args.check("urandom", min: 1, max: 1)
            let n = try vm.index(args[0])
            if n < 0 { throw PyError.value("negative argument not allowed") }
            return .object(PyBytes(randomBytes(n)))
        }
        m.defineFunction("listdir") { vm, args in
            try args.check("listdir", min: 0, max: 1)
            let path = args.count == 1 && !args[0].isNone ? try vm.str(args[0]) : "."
            do {
                return .object(PyList(try FileManager.default.contentsOfDirectory(atPath: path).map { .str($0) }))
            } catch {
                let e = PyBaseException(type: .fileNotFoundError, args: [.int(2), .str("No such file or directory")])
                e.dict.setStr("errno", .int(2))
                e.dict.setStr("strerror", .str("No such file or directory"))
                e.dict.setStr("filename", .str(path))
                throw PyError(e)
            }
        }
        m.defineFunction("getlogin") { _, _ in
            if let p = getlogin() { return .str(String(cString: p)) }
            return .str(ProcessInfo.processInfo.environment["USER"] ?? "")
        }
        m.defineFunction("_exit") { vm, args in
            try args.check("_exit", min: 1, max: 1)
            vm.interp.stdout.flush()
            Foundation._exit(Int32(truncatingIfNeeded: try vm.index(args[0])))
        }
        return m
    }

    /// `os.environ`: the process environment when the module was imported, in `environ` order.
    static func environmentSnapshot() -> PyDict {
        let d = PyDict()
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                d.setStr(String(s[..<eq]), .str(String(s[s.index(after: eq)...])))
            }
            p += 1
        }
        return d
    }

    /// `n` bytes from the kernel's random source.
    public static func randomBytes(_ n: Int) -> [UInt8] {
        // SystemRandomNumberGenerator reads the kernel's CSPRNG (getrandom on Linux).
        var g = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(n + 8)
        while out.count < n {
            var w = g.next()
            for _ in 0..<8 where out.count < n { out.append(UInt8(truncatingIfNeeded: w)); w >>= 8 }
        }
        return out
    }
}
