import Foundation
import Runtime

/// Stops the threads a demo left behind when it was interrupted (Ctrl-C), ran out of time or deadlocked,
/// so the learner gets the prompt back with nothing still running: each thread gets the abort request
/// (blocked waits end, the thread unwinds with SystemExit, releasing its locks), repeated every 0.1 s for
/// threads that catch it, until they have ended or `timeout` passes.
public enum ThreadStopper {
    /// Stops every thread of `interp` but the calling thread's `vm`; returns false if some were still
    /// alive after `timeout` seconds. Call with the GIL held (it is released while waiting).
    @discardableResult
    public static func stopOtherThreads(_ interp: Interpreter, from vm: VM, timeout: Double = 3) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        let done: Bool = vm.allowThreads {
            while true {
                let others = interp.liveVMs.filter { $0 !== vm }
                if others.isEmpty { return true }
                if Date() >= deadline { return false }
                interp.abort(others)
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        vm.evalBreaker.bitwiseAnd(~(VM.breakAbort | VM.breakInterrupt), ordering: .releasing)
        return done
    }
}
