import Foundation
import Synchronization
import Runtime

/// `_thread`: real OS threads (pthreads with a large stack, each with its own VM) and the lock types.
/// `threading` is written in Python on top of it, as in CPython.
public enum ThreadModule {
    private static let lockCounter = Atomic<Int>(0)
    private static let threadCount = Atomic<Int>(0)

    static func nextLockLabel(_ prefix: String) -> String {
        "\(prefix)#\(lockCounter.add(1, ordering: .relaxed).newValue)"
    }

    /// What a new OS thread needs; retained across pthread_create.
    final class StartBox {
        let vm: VM
        let function: Value
        let args: Args
        init(vm: VM, function: Value, args: Args) { self.vm = vm; self.function = function; self.args = args }
    }

    /// Stack size of Python threads: deep Python recursion stays on the heap, but native re-entry
    /// (key functions, `__eq__`, class construction) uses the Swift stack.
    static let stackSize = 16 << 20

    public static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "_thread")
        let d = m.dict
        func fn(_ name: String, _ body: @escaping NativeFunction) {
            d.setStr(name, .object(PyBuiltinFunction(name: name, qualname: name, body)))
        }
        fn("start_new_thread") { vm, args in
            guard args.count >= 2 else { throw PyError.type("start_new_thread expected at least 2 arguments, got \(args.count)") }
            let posArgs = try vm.toArray(args[1])
            var kwn: [String] = [], kwv: [Value] = []
            if args.count >= 3, case .object(let o) = args[2], let kw = o as? PyDict {
                for (k, v) in kw.items { kwn.append((k.asObject as! PyStr).value); kwv.append(v) }
            }
            let name = args.get(3, "name").flatMap { ($0.asObject as? PyStr)?.value } ?? "Thread"
            let newVM = VM(interp: vm.interp, name: name)
            if args.count >= 5 { newVM.threadObject = args[4] }
            return .int(try spawn(StartBox(vm: newVM, function: args[0], args: Args(posArgs, kwnames: kwn, kwvalues: kwv)), from: vm))
        }
        fn("allocate_lock") { _, _ in .object(PyLock(label: nextLockLabel("Lock"))) }
        // threading.py's hooks for the deadlock detector and the trace (see LockRole).
        // Marks one of threading's module-level locks as its own bookkeeping (see `TraceEvent.machinery`)
        // and names it for the deadlock report: `_thread._mark_machinery(lock, name)`.
        fn("_mark_machinery") { _, args in
            let name = args.count > 1 ? (args[1].asObject as? PyStr)?.value : nil
            (args.first?.asObject as? any DetectableLock)?.markAsMachinery(named: name)
            return .none
        }
        // Called by the thread bootstrap before its final bookkeeping: no more demo aborts (see
        // `VM.finishing`).
        fn("_finishing") { vm, _ in
            vm.finishing.store(true, ordering: .releasing)
            return .none
        }
        fn("_adopt_join_lock") { vm, args in
            (args.first?.asObject as? PyLock)?.adoptAsJoinLock(vm)
            return .none
        }
        // Wraps a threading function that may block (join, Condition/Event/Barrier waits, Semaphore
        // acquire) so the calling frame is known while it waits (see `VM.nativeCallers`).
        fn("_located") { _, args in
            guard case .object(let o)? = args.first, let f = o as? PyFunction else {
                throw PyError.type("_located expects a function")
            }
            let target = Value.object(f)
            return .object(PyBuiltinFunction(name: f.name, qualname: f.qualname) { vm, a in
                let caller = vm.currentFrame
                if let c = caller { vm.nativeCallers.append(c) }
                defer { if caller != nil { vm.nativeCallers.removeLast() } }
                return try vm.call(target, a)
            })
        }
        fn("_allocate_waiter") { _, args in
            .object(PyLock(label: nextLockLabel("Lock"), role: .conditionWaiter, condition: args.first?.asObject))
        }
        d.setStr("LockType", .object(PyLock.lockType))
        d.setStr("lock", .object(PyLock.lockType))
        PyRLock.rlockType.constructor = { _, _, _ in .object(PyRLock(label: nextLockLabel("RLock"))) }
        PyLock.lockType.constructor = { _, _, _ in .object(PyLock(label: nextLockLabel("Lock"))) }
        d.setStr("RLock", .object(PyRLock.rlockType))
        fn("get_ident") { vm, _ in .int(vm.ident) }
        fn("get_native_id") { vm, _ in .int(vm.nativeID) }
        fn("_count") { _, _ in .int(threadCount.load(ordering: .relaxed)) }
        fn("_set_name") { vm, args in
            if let n = (args.first?.asObject as? PyStr)?.value { vm.name = n }
            return .none
        }
        fn("_set_thread_object") { vm, args in vm.threadObject = args.first ?? .none; return .none }
        fn("_thread_object") { vm, _ in vm.threadObject }
        fn("_is_main_thread") { vm, _ in .bool(vm.isMain) }
        fn("_format_exception") { vm, args in
            guard case .object(let o) = args[0], let e = o as? PyBaseException else { return .str("") }
            return .str(vm.formatException(e))
        }
        fn("_write_stderr") { vm, args in
            vm.interp.stderr.write((args[0].asObject as? PyStr)?.value ?? "", from: vm)
            return .none
        }
        d.setStr("TIMEOUT_MAX", .float(9223372036.0))
        d.setStr("error", .object(PyType.runtimeError))
        return m
    }

    /// Threads started and not yet ended (all interpreters of the process).
    private static let running = Atomic<Int>(0)

    /// `INTERLEAVE_MAX_THREADS=N`: refuse to start more than N threads at a time, exactly as when
    /// pthread_create fails (RuntimeError "can't start new thread"). The OS limit is hard to reach
    /// reliably (root ignores `ulimit -u`); this makes that path testable.
    static let threadCap: Int? = ProcessInfo.processInfo.environment["INTERLEAVE_MAX_THREADS"].flatMap { Int($0) }

    /// Starts an OS thread running `box.function(*args)` on `box.vm`. RuntimeError if the OS refuses.
    static func spawn(_ box: StartBox, from vm: VM) throws -> Int {
        if running.add(1, ordering: .relaxed).newValue > (threadCap ?? Int.max) {
            running.subtract(1, ordering: .relaxed)
            throw PyError.runtime("can't start new thread")
        }
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        pthread_attr_setstacksize(&attr, stackSize)
        pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
        defer { pthread_attr_destroy(&attr) }
        let detector = DeadlockDetector.of(vm.interp)
        detector.threadStarting()
        let ctx = Unmanaged.passRetained(box).toOpaque()
        vm.interp.gil.threadStarting()   // counted until its last GIL release, for live GIL switching
        var tid = pthread_t()
        let rc = pthread_create(&tid, &attr, { raw in
            let box = Unmanaged<StartBox>.fromOpaque(raw!).takeRetainedValue()
            ThreadModule.run(box)
            return nil
        }, ctx)
        if rc != 0 {
            running.subtract(1, ordering: .relaxed)
            detector.threadStarted()
            Unmanaged<StartBox>.fromOpaque(ctx).release()
            vm.interp.gil.threadFinished()
            throw PyError.runtime("can't start new thread")
        }
        return Int(UInt(tid))
    }

    static func run(_ box: StartBox) {
        let vm = box.vm
        // A strong reference for the whole run: `vm.interp` is unowned(unsafe), and once this thread has
        // said it is finished (`running`), the interpreter's owner may drop it while the lines below
        // still release the GIL (a use-after-free seen as a crash in a test process).
        let interp: Interpreter = vm.interp
        vm.bindToCurrentThread()
        DeadlockDetector.of(interp).threadStarted()
        threadCount.add(1, ordering: .relaxed)
        interp.gil.acquire(vm)
        vm.emit(.threadStart)
        do {
            _ = try vm.call(box.function, box.args)
        } catch let e as PyError {
            if !e.exception.isInstance(of: .systemExit) {
                interp.stderr.write("Unhandled exception in thread started by \((try? vm.repr(box.function)) ?? "?")\n" + vm.formatException(e.exception), from: vm)
            }
        } catch {}
        vm.emit(.threadEnd)
        vm.returnIdleFrames()
        threadCount.add(-1, ordering: .relaxed)
        running.subtract(1, ordering: .relaxed)
        vm.unbind()
        interp.gil.release(vm)
        interp.gil.threadFinished()
    }
}
