import Foundation
import Synchronization

/// The global interpreter lock, switchable at run time (`-X gil=0|1`).
///
/// With the GIL on, one thread runs bytecode at a time, as in CPython (Python/ceval_gil.c): a thread that
/// wants the GIL waits for the switch interval (5 ms by default); if the GIL was not released meanwhile,
/// it sets a drop request in the holder's eval breaker. The holder sees it at its next safe point
/// (a loop back-edge or a call), releases the GIL and waits until another thread has taken it, so the
/// waiter really gets to run. Blocking calls release the GIL (`VM.allowThreads`).
///
/// With the GIL off, `acquire`/`release` do nothing and threads run in parallel; objects protect
/// themselves with per-object locks.
///
/// The mode can be switched on a live interpreter (`setEnabled`, for the REPL's `:gil` and lessons'
/// `gil=` demos) only while the calling thread is the interpreter's only Python thread: `threadStarting`
/// counts a thread from before its OS thread exists until after its last GIL release
/// (`threadFinished`), and the switch checks that count under the GIL's own lock, so no thread can be
/// half-way through `acquire`/`release` when the mode changes.
public final class GIL: @unchecked Sendable {
    private let enabledFlag: Atomic<Bool>
    /// Whether the GIL is on (one thread runs bytecode at a time).
    public var enabled: Bool { enabledFlag.load(ordering: .acquiring) }
    private let cond = NSCondition()
    private var holder: VM?
    /// Incremented on every hand-over, so a waiter can tell whether the GIL changed hands.
    private var switches = 0
    private var waiters = 0
    /// Threads started with `threadStarting` and not yet `threadFinished` (the main thread not counted).
    private var otherThreads = 0
    /// `sys.getswitchinterval()` in microseconds.
    public let switchIntervalMicros = Atomic<Int>(5000)

    init(enabled: Bool) { self.enabledFlag = Atomic(enabled) }

    /// Called by the spawning thread before it creates a new Python thread's OS thread.
    public func threadStarting() {
        cond.lock(); otherThreads += 1; cond.unlock()
    }

    /// Called by a Python thread after its last `release` (or by the spawner when the OS thread could
    /// not be created).
    public func threadFinished() {
        cond.lock(); otherThreads -= 1; cond.unlock()
    }

    /// Turns the GIL on or off for `vm`, which must be the calling thread and (when the GIL is on) its
    /// holder. Refuses, returning false, while any other Python thread exists.
    public func setEnabled(_ on: Bool, by vm: VM) -> Bool {
        cond.lock()
        defer { cond.unlock() }
        guard otherThreads == 0 else { return false }
        guard on != enabledFlag.load(ordering: .relaxed) else { return true }
        if on {
            holder = vm
            switches &+= 1
        } else {
            holder = nil
        }
        enabledFlag.store(on, ordering: .releasing)
        vm.gilOn = on
        return true
    }

    /// How many Python threads besides the main one exist (started and not finished).
    public var otherThreadCount: Int { cond.lock(); defer { cond.unlock() }; return otherThreads }

    public func acquire(_ vm: VM) { acquire(vm, afterDrop: false) }

    /// - Parameter afterDrop: the caller just handed the GIL over (`gilDrop`): report getting it back
    ///   even when that needed no wait, so views see the end of its runnable interval.
    private func acquire(_ vm: VM, afterDrop: Bool) {
        guard enabled else { return }
        cond.lock()
        defer { cond.unlock() }
        if holder == nil {
            holder = vm; switches &+= 1
            // A holder that dropped the GIL waits in `yieldIfRequested` for `switches` to change.
            cond.broadcast()
            if afterDrop { vm.emit(.gilAcquired) }
            return
        }
        waiters += 1
        vm.emit(.gilWait)
        while holder != nil {
            let seen = switches
            let deadline = Date(timeIntervalSinceNow: Double(switchIntervalMicros.load(ordering: .relaxed)) / 1_000_000)
            if !cond.wait(until: deadline), holder != nil, switches == seen {
                holder?.evalBreaker.bitwiseOr(VM.breakGILDrop, ordering: .releasing)
            }
        }
        waiters -= 1
        holder = vm
        switches &+= 1
        // Wake a holder that dropped the GIL in `yieldIfRequested` and waits for this hand-over (as
        // CPython's take_gil signals switch_cond); without it, that thread waits until some unrelated
        // release, and stops asking for the GIL back meanwhile.
        cond.broadcast()
        vm.emit(.gilAcquired)
    }

    public func release(_ vm: VM) {
        guard enabled else { return }
        cond.lock()
        if holder === vm { holder = nil }
        cond.broadcast()
        cond.unlock()
    }

    /// Called by the holder at a safe point after a drop request: hand over to a waiter.
    func yieldIfRequested(_ vm: VM) {
        guard enabled else { return }
        cond.lock()
        guard holder === vm, waiters > 0 else { cond.unlock(); return }
        holder = nil
        let seen = switches
        cond.broadcast()
        vm.emit(.gilDrop)
        // Forced switching: wait until someone else took it.
        while switches == seen && waiters > 0 { cond.wait() }
        cond.unlock()
        acquire(vm, afterDrop: true)
    }
}

extension VM {
    /// Runs a blocking operation with the GIL released (sleep, lock waits, joins, I/O).
    @inline(__always)
    public func allowThreads<R>(_ body: () throws -> R) rethrows -> R {
        interp.gil.release(self)
        defer { interp.gil.acquire(self) }
        return try body()
    }
}
