import Foundation

/// `sys.stdin`, `sys.stdout`, `sys.stderr`: small text-stream objects that write to the interpreter's
/// output sinks (looked up at each write, so the REPL and lessons can swap sinks) and read from its
/// input source.
public final class PyTextStream: PyObject, @unchecked Sendable {
    public enum Kind: Sendable { case stdin, stdout, stderr }
    public let kind: Kind

    public static let streamType: PyType = {
        let t = PyType(builtin: "TextIOWrapper", base: .object, module: "_io")
        t.isBaseType = false
        installMethods(t)
        return t
    }()

    public init(_ kind: Kind) {
        self.kind = kind
        super.init(type: PyTextStream.streamType)
    }

    public var name: String {
        switch kind {
        case .stdin: return "<stdin>"
        case .stdout: return "<stdout>"
        case .stderr: return "<stderr>"
        }
    }

    var fileno: Int32 {
        switch kind {
        case .stdin: return 0
        case .stdout: return 1
        case .stderr: return 2
        }
    }

    private func sink(_ vm: VM) -> OutputSink? {
        switch kind {
        case .stdin: return nil
        case .stdout: return vm.interp.stdout
        case .stderr: return vm.interp.stderr
        }
    }

    public func write(_ text: String, vm: VM) throws {
        guard let s = sink(vm) else { throw PyError(.make(.osError, "not writable")) }
        if text.isEmpty { return }
        s.write(text, from: vm)
    }

    public func flush(vm: VM) { sink(vm)?.flush() }

    /// One line including its newline, or "" at end of input.
    func readLine(vm: VM) throws -> String {
        guard kind == .stdin else { throw PyError(.make(.osError, "not readable")) }
        let source = vm.interp.stdin
        let line = try vm.allowThreads { try source.readLine(prompt: "", vm: vm) }
        return line.map { $0 + "\n" } ?? ""
    }

    private static func stream(_ args: Args, _ method: String) throws -> PyTextStream {
        guard case .object(let o)? = args.first, let s = o as? PyTextStream else {
            throw PyError.type("descriptor '\(method)' requires a '_io.TextIOWrapper' object")
        }
        return s
    }

    private static func installMethods(_ t: PyType) {
        t.method("write") { vm, args in
            let s = try stream(args, "write")
            try args.check("write", min: 2, max: 2)
            guard case .object(let o) = args[1], let text = o as? PyStr else {
                throw PyError.type("write() argument must be str, not \(args[1].typeName)")
            }
            try s.write(text.value, vm: vm)
            return .int(text.count)
        }
        t.method("writelines") { vm, args in
            let s = try stream(args, "writelines")
            try args.check("writelines", min: 2, max: 2)
            for line in try vm.toArray(args[1]) {
                guard case .object(let o) = line, let text = o as? PyStr else {
                    throw PyError.type("write() argument must be str, not \(line.typeName)")
                }
                try s.write(text.value, vm: vm)
            }
            return .none
        }
        t.method("flush") { vm, args in try stream(args, "flush").flush(vm: vm); return .none }
        t.method("isatty") { vm, args in
            let s = try stream(args, "isatty")
            if s.kind == .stdout, !(vm.interp.stdout is FileDescriptorSink) { return .bool(false) }
            if s.kind == .stderr, !(vm.interp.stderr is FileDescriptorSink) { return .bool(false) }
            if s.kind == .stdin, !(vm.interp.stdin is StdinSource) { return .bool(false) }
            return .bool(Foundation.isatty(s.fileno) != 0)
        }
        t.method("fileno") { _, args in .int(Int(try stream(args, "fileno").fileno)) }
        t.method("readable") { _, args in .bool(try stream(args, "readable").kind == .stdin) }
        t.method("writable") { _, args in .bool(try stream(args, "writable").kind != .stdin) }
        t.method("seekable") { _, _ in .bool(false) }
        t.method("close") { _, _ in .none }
        t.method("readline") { vm, args in .str(try stream(args, "readline").readLine(vm: vm)) }
        t.method("readlines") { vm, args in
            let s = try stream(args, "readlines")
            var lines: [Value] = []
            while true {
                let l = try s.readLine(vm: vm)
                if l.isEmpty { break }
                lines.append(.str(l))
            }
            return .object(PyList(lines))
        }
        t.method("read") { vm, args in
            let s = try stream(args, "read")
            var out = ""
            while true {
                let l = try s.readLine(vm: vm)
                if l.isEmpty { break }
                out += l
            }
            return .str(out)
        }
        t.method("__iter__") { _, args in args[0] }
        t.method("__next__") { vm, args in
            let l = try stream(args, "__next__").readLine(vm: vm)
            if l.isEmpty { throw PyError.stopIteration() }
            return .str(l)
        }
        t.method("__enter__") { _, args in args[0] }
        t.method("__exit__") { _, _ in .none }
        t.method("__repr__") { _, args in
            let s = try stream(args, "__repr__")
            return .str("<_io.TextIOWrapper name='\(s.name)' mode='\(s.kind == .stdin ? "r" : "w")' encoding='utf-8'>")
        }
        t.getter("name") { _, v in .str((v.asObject as! PyTextStream).name) }
        t.getter("mode") { _, v in .str((v.asObject as! PyTextStream).kind == .stdin ? "r" : "w") }
        t.getter("closed") { _, _ in .bool(false) }
        t.constant("encoding", .str("utf-8"))
        t.constant("errors", .str("strict"))
        t.constant("newlines", .none)
        t.getter("line_buffering") { _, v in .bool((v.asObject as! PyTextStream).kind == .stdout) }
    }
}
