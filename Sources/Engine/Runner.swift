import Foundation
import Runtime

/// Runs a script or a code string as `python3` does: `__main__`, uncaught exceptions printed with a
/// traceback, SystemExit's exit code, and non-daemon threads joined before exit.
///
/// Where CPython would hang forever, a deadlock (see `DeadlockDetector`) ends the run: the detector has
/// printed its report on stderr and stopped the threads; the exit status is `deadlockStatus` (1, as for
/// an uncaught exception: the program failed).
public struct Runner {
    public let interp: Interpreter

    public init(interp: Interpreter) { self.interp = interp }

    /// Exit status of a run the deadlock detector stopped.
    public static let deadlockStatus: Int32 = 1

    /// Runs `source` as `__main__` and returns the process exit status.
    public func runMain(source: String, filename: String) -> Int32 {
        let vm = interp.mainVM!
        let module = interp.mainModule(filename: filename == "<string>" ? nil : filename)
        let status: Int32
        interp.deadlockReport.withLock { $0 = nil }
        do {
            let code = try interp.compile(source, filename: filename, mode: .exec)
            _ = try interp.exec(code, in: module)
            status = shutdown(vm)
        } catch let e as PyError {
            let s = exitStatus(for: e.exception, vm: vm)
            let after = shutdown(vm)
            status = s != 0 ? s : after
        } catch {
            interp.stderr.write("internal error: \(error)\n", from: vm)
            status = 1
        }
        interp.stdout.flush()
        interp.stderr.flush()
        // A deadlock the program survived (it caught the abort) still fails the run; an earlier failure
        // (e.g. 130 after Ctrl-C, with threading then stuck joining at exit) keeps its status.
        if status == 0, interp.deadlockReport.withLock({ $0 }) != nil { return Runner.deadlockStatus }
        return status
    }

    /// Joins non-daemon threads (`threading._shutdown`), as CPython does at interpreter exit.
    func shutdown(_ vm: VM) -> Int32 {
        guard case .object(let o)? = interp.modules.getStr("threading"), let m = o as? PyModule,
              let fn = m.dict.getStr("_shutdown") else { return 0 }
        do { _ = try vm.call(fn, Args()) } catch let e as PyError {
            return exitStatus(for: e.exception, vm: vm)
        } catch {}
        return 0
    }

    /// SystemExit's code, or 1 after printing the traceback of any other exception.
    public func exitStatus(for exc: PyBaseException, vm: VM) -> Int32 {
        if exc.isInstance(of: .systemExit), interp.deadlockReport.withLock({ $0 }) != nil {
            return Runner.deadlockStatus      // the detector's abort; its report is already out
        }
        if exc.isInstance(of: .systemExit) {
            let code = exc.args.count == 1 ? exc.args[0] : (exc.args.isEmpty ? .none : .object(PyTuple(exc.args)))
            switch code {
            case .none: return 0
            case .int(let n): return Int32(truncatingIfNeeded: n)
            case .bool(let b): return b ? 1 : 0
            default:
                interp.stderr.write(((try? vm.str(code)) ?? "") + "\n", from: vm)
                return 1
            }
        }
        vm.printException(exc)
        // CPython ends by SIGINT after an uncaught KeyboardInterrupt: the shell sees 128 + 2.
        return exc.isInstance(of: .keyboardInterrupt) ? 130 : 1
    }
}
