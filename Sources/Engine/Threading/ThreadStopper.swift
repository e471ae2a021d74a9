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
        let done: Bool = waitingForOthers(vm) {
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

    /// What `waitingForOthers` says the thread waits for (its `join` events' object).
    public static let othersLabel = "the other threads"

    /// Runs `body` with the GIL released, as a wait for the program's other threads (to stop, or to
    /// deadlock): views see `vm` blocked in a join (`join`…`joinDone` events, object `othersLabel`, no
    /// `otherThread`), not running, while the other threads take the GIL — without the bracket, the
    /// timeline drew `vm` running beside them, and a summary under the GIL said "peak parallelism 2".
    /// The deadlock detector counts `vm` as stuck meanwhile (it runs no Python code, so it can release
    /// no lock). Call with the GIL held.
    public static func waitingForOthers<R>(_ vm: VM, _ body: () throws -> R) rethrows -> R {
        vm.emit(.join, object: othersLabel)
        let start = Date()
        defer {
            vm.emit(.joinDone, object: othersLabel, detail: String(format: "%.1f", Date().timeIntervalSince(start) * 1000))
        }
        return try DeadlockDetector.of(vm.interp).whileIdle(vm) { try vm.allowThreads(body) }
    }
}
