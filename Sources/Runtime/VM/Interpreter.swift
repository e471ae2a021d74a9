import Foundation
import Synchronization
import Compiler
import Syntax

/// Where text written to `sys.stdout`/`sys.stderr` goes. The REPL and lessons install sinks that
/// annotate each line with the printing thread and the time; tests install capturing sinks.
public protocol OutputSink: AnyObject, Sendable {
    func write(_ text: String, from vm: VM?)
    func flush()
}

/// Writes straight to a file descriptor (unbuffered: Python's line buffering is approximated by
/// writing whole `print` calls at once).
public final class FileDescriptorSink: OutputSink, @unchecked Sendable {
    let fd: Int32
    private let lock = Locked<Void>(())
    public init(fd: Int32) { self.fd = fd }
    public func write(_ text: String, from vm: VM?) {
        lock.withLock { _ in
            var bytes = Array(text.utf8)
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress! + off, $0.count - off) }
                if n <= 0 { break }
                off += n
            }
            _ = bytes.count
        }
    }
    public func flush() {}
}

/// Collects everything written (tests, `demo_output` in lessons).
public final class CapturingSink: OutputSink, @unchecked Sendable {
    private let buffer = Locked<String>("")
    public init() {}
    public func write(_ text: String, from vm: VM?) { buffer.withLock { $0 += text } }
    public func flush() {}
    public var text: String { buffer.withLock { $0 } }
    public func reset() { buffer.withLock { $0 = "" } }
}

/// Where `input()` reads from.
public protocol InputSource: AnyObject {
    /// One line without its newline, or nil at end of input.
    func readLine(prompt: String, vm: VM) throws -> String?
}

public final class StdinSource: InputSource {
    public init() {}
    public func readLine(prompt: String, vm: VM) throws -> String? {
        vm.interp.stdout.write(prompt, from: vm)
        return Swift.readLine(strippingNewline: true)
    }
}

public final class StringInputSource: InputSource {
    private var lines: [String]
    public init(_ text: String) {
        var l = text.components(separatedBy: "\n")
        if l.last == "" { l.removeLast() }
        lines = l
    }
    public func readLine(prompt: String, vm: VM) throws -> String? {
        vm.interp.stdout.write(prompt, from: vm)
        if lines.isEmpty { return nil }
        let line = lines.removeFirst()
        vm.interp.stdout.write(line + "\n", from: vm)
        return line
    }
}

/// One Python "process": modules, builtins, `sys`, output sinks and the threads running in it.
/// Each OS thread that runs Python code has its own `VM`.
public final class Interpreter: @unchecked Sendable {
    public struct Options: Sendable {
        public var gil: Bool = true
        public var argv: [String] = []
        public var recursionLimit: Int = 1000
        public init() {}
    }

    public var options: Options
    public var stdout: OutputSink
    public var stderr: OutputSink
    public var stdin: InputSource = StdinSource()
    public let builtins: PyModule
    public let sys: PyModule
    /// `sys.modules`.
    public let modules = PyDict()
    /// Native modules importable by name, installed by the Engine.
    public var moduleFactories: [String: (Interpreter) throws -> PyModule] = [:]
    /// Source lines of compiled files, for tracebacks.
    private let sources = Locked<[String: [String]]>([:])
    public let recursionLimit = Atomic<Int>(1000)
    /// The GIL (a no-op when `options.gil` is false).
    public let gil: GIL
    public let startTime = Date()
    /// The interpreter's main thread VM.
    public private(set) var mainVM: VM!
    /// Trace listeners (recorder, narrator, …): the Trace module subscribes here; see `TraceHub`.
    public let traceHub = TraceHub()
    /// Nil when nobody listens to trace events (so `eventSink != nil` means "tracing is on": code that
    /// builds costly event details checks it); otherwise delivers to every `traceHub` listener.
    /// Setting it installs one extra listener (nil removes it), for code that wants a single sink.
    public var eventSink: ((TraceEvent) -> Void)? {
        get { traceHub.isActive ? traceHub.deliver : nil }
        set { traceHub.setSingleSink(newValue) }
    }
    /// The deadlock detector's report for the program run last (set when the detector found every
    /// thread stuck and aborted them). Runners read it to tell a deadlock from other exits; whoever
    /// starts the next program clears it.
    public let deadlockReport = Locked<String?>(nil)
    /// The Engine's per-interpreter thread services (the deadlock detector), created on first use.
    public let threadServices = Locked<AnyObject?>(nil)
    /// Every live VM (thread), for `threading.enumerate` and interrupting.
    let vmsLock = Locked<[ObjectIdentifier: VM]>([:])
    private let nextThreadNumber = Atomic<Int>(1)

    public init(options: Options = Options(), stdout: OutputSink = FileDescriptorSink(fd: 1),
                stderr: OutputSink = FileDescriptorSink(fd: 2)) {
        RuntimeSetup.installOnce()
        self.options = options
        self.stdout = stdout
        self.stderr = stderr
        self.builtins = PyModule(name: "builtins")
        self.sys = PyModule(name: "sys")
        self.gil = GIL(enabled: options.gil)
        recursionLimit.store(options.recursionLimit, ordering: .relaxed)
        mainVM = VM(interp: self, name: "MainThread", isMain: true)
        gil.acquire(mainVM)
        Builtins.populate(builtins, interp: self)
        mainVM.installVMBuiltins(builtins)
        SysModule.populate(sys, interp: self)
        modules.setStr("builtins", .object(builtins))
        modules.setStr("sys", .object(sys))
    }

    /// Every VM (thread) currently running Python code in this interpreter.
    public var liveVMs: [VM] { vmsLock.withLock { Array($0.values) } }

    /// Asks every thread of this interpreter to stop at its next safe point (a demo's time limit, a
    /// deadlock report): blocking waits end, and each thread unwinds with SystemExit("demo aborted").
    /// The request is one-shot per thread (so `finally` blocks and threading's cleanup can run).
    public func abortAll() {
        // Mark every thread before waking any: a woken thread unwinds and releases its locks at once,
        // and a thread not yet marked would take such a lock and run on (seen under ThreadSanitizer,
        // whose slowdown widens the window).
        abort(liveVMs)
    }

    /// `abortAll` for some threads only: all are marked before any is woken.
    public func abort(_ vms: [VM]) {
        for vm in vms { vm.markAbort() }
        for vm in vms { vm.wakeBlockedWait() }
    }

    /// Clears a previous `abortAll` on every remaining thread (before the next demo runs).
    public func clearAbort() {
        for vm in liveVMs { vm.evalBreaker.bitwiseAnd(~(VM.breakAbort | VM.breakInterrupt), ordering: .releasing) }
    }

    /// Switches the GIL on or off (REPL `:gil`, lessons' `gil=` demos). Call on the main thread, between
    /// runs of code; refuses (false) while other Python threads exist. See `GIL.setEnabled`.
    ///
    /// A thread that `join` has already returned for may still be tearing down (its last GIL release
    /// comes after); such threads get up to half a second to finish before the switch is refused.
    public func setGIL(_ on: Bool) -> Bool {
        if gil.otherThreadCount > 0 { _ = waitForOtherThreads(timeout: 0.5) }
        guard gil.setEnabled(on, by: mainVM) else { return false }
        options.gil = on
        return true
    }

    /// Waits, with the GIL released, until no Python thread but the main one exists or `timeout`
    /// seconds pass; returns whether none is left. Call on the main thread.
    public func waitForOtherThreads(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while gil.otherThreadCount > 0 {
            if Date() >= deadline { return false }
            mainVM.allowThreads { usleep(2000) }
        }
        return true
    }

    public func nextThreadIndex() -> Int { nextThreadNumber.add(1, ordering: .relaxed).oldValue }

    // MARK: sources

    public func registerSource(_ source: String, filename: String) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        sources.withLock { $0[filename] = lines }
    }

    public func sourceLine(_ filename: String, _ line: Int) -> String? {
        sources.withLock { s in
            guard let lines = s[filename], line >= 1, line <= lines.count else { return nil }
            return lines[line - 1]
        }
    }

    // MARK: running code

    /// Compiles `source` as a module body. Syntax errors become Python SyntaxError exceptions.
    public func compile(_ source: String, filename: String, mode: CompileMode) throws -> PyCode {
        registerSource(source, filename: filename)
        do {
            // Long sources may nest deeply: parse and compile them on a thread with a big stack.
            if source.utf8.count > 1000 {
                return PyCode(try BigStack.run { try Compiler.compile(source: source, filename: filename, mode: mode) })
            }
            return PyCode(try Compiler.compile(source: source, filename: filename, mode: mode))
        } catch let e as SyntaxError {
            throw PyError(Interpreter.syntaxErrorException(e))
        }
    }

    public static func syntaxErrorException(_ e: SyntaxError) -> PyBaseException {
        let t: PyType = e.kind.rawValue == "IndentationError" ? .indentationError : e.kind.rawValue == "TabError" ? .tabError : .syntaxError
        let exc = PyBaseException.make(t, e.message)
        exc.dict.setStr("msg", .str(e.message))
        exc.dict.setStr("filename", .str(e.filename))
        exc.dict.setStr("lineno", .int(e.line))
        exc.dict.setStr("offset", .int(e.column))
        exc.dict.setStr("text", .str(e.text ?? ""))
        exc.syntaxErrorDisplay = e.formatted()
        return exc
    }

    /// Creates (or returns) the `__main__` module.
    public func mainModule(filename: String? = nil) -> PyModule {
        if case .object(let o)? = modules.getStr("__main__"), let m = o as? PyModule { return m }
        let m = PyModule(name: "__main__")
        m.dict.setStr("__builtins__", .object(builtins))
        m.dict.setStr("__doc__", .none)
        if let f = filename { m.dict.setStr("__file__", .str(f)) }
        modules.setStr("__main__", .object(m))
        return m
    }

    /// Runs code in a module namespace on the calling thread's VM (the main VM).
    public func exec(_ code: PyCode, in module: PyModule) throws -> Value {
        try mainVM.runModuleCode(code, globals: module.dict)
    }
}
