import Foundation
import Runtime

/// What waiting for a lock means, for the deadlock detector's wait-for graph, its report and the trace.
/// threading.py builds joins and condition waits out of plain locks (as CPython does); it tells the
/// engine which locks play those parts (`_thread._adopt_join_lock`, `_thread._allocate_waiter`).
enum LockRole: Sendable, Equatable {
    /// A `threading.Lock`: a waiter waits for the thread holding it (though any thread may release it,
    /// so a thread waiting for a Lock it holds itself may be woken by another one).
    case lock
    /// A `threading.RLock`: only its owner can release it.
    case rlock
    /// A thread's `_tstate_lock`, held by that thread until it ends: waiting for it is `join()`.
    case join
    /// A `Condition.wait` waiter lock, released by `notify()` from any thread: no particular thread to
    /// wait for.
    case conditionWaiter
}

/// A consistent view of a lock's state (taken under the lock's own mutex).
struct LockSnapshot {
    var held: Bool
    var owner: Int
    var ownerName: String?
    /// Incremented on every acquisition: an unchanged generation over time means no progress.
    var generation: Int
    var role: LockRole
}

/// A lock the deadlock detector can inspect (`PyLock`, `PyRLock`).
protocol DetectableLock: PyObject {
    /// `Lock#3`, `RLock#1`: the fallback name when no variable refers to the lock.
    var label: String { get }
    /// The lock's state mutex (guards `traceName` too).
    var cond: NSCondition { get }
    /// The variable name trace events use, once looked up (see `TraceName`). Guarded by `cond`.
    var traceName: TraceName { get set }
    var snapshot: LockSnapshot { get }
    /// For a condition waiter: the Condition it belongs to (to name it in reports).
    var condition: PyObject? { get }
    /// One of the threading module's own locks (`markAsMachinery`): its events say so.
    var isMachinery: Bool { get set }
}

extension DetectableLock {
    /// Marks one of threading's module-level locks as its own bookkeeping (`TraceEvent.machinery`) and
    /// names it for events and deadlock reports. Called once, while threading is imported (before any
    /// other thread exists).
    func markAsMachinery(named name: String?) {
        isMachinery = true
        if let name { cond.lock(); traceName = TraceName(name: name, resolved: true); cond.unlock() }
    }
}

extension DetectableLock {
    /// Identity for trace events (`TraceEvent.objectID`).
    var objectID: Int { ObjectIdentifier(self).hashValue }
}

/// The name a lock has in trace events (notes, summary, timeline, Chrome trace): the variable that refers
/// to it (`lock_a`, `account.lock`), found as the deadlock report finds names (`NameFinder`), else its
/// label (`Lock#3`). Kept in the lock, guarded by the lock's own mutex.
///
/// Looked up once, the first time a thread has to wait for the lock while events are recorded
/// (`blockingAcquire`): the waiting thread's frames and `__main__`'s globals are read then, on that
/// thread. Uncontended acquires and releases never look names up; they only read the stored name when a
/// trace sink listens. Events emitted before the first wait carry the label.
extension DetectableLock {
    /// The name trace events give the lock: its variable's name once `resolveTraceName` found one, else
    /// `label` (see `TraceName`).
    var traceLabel: String { cond.lock(); defer { cond.unlock() }; return traceName.name ?? label }

    /// Looks the variable name up, the first time only (see `TraceName`). Call on `vm`'s thread.
    func resolveTraceName(_ vm: VM) {
        cond.lock(); let done = traceName.resolved; cond.unlock()
        if done { return }
        let found = TraceName.find(self, vm: vm)
        cond.lock(); traceName = TraceName(name: found, resolved: true); cond.unlock()
    }
}

struct TraceName {
    var name: String?
    var resolved = false

    /// A variable name for `lock` in `vm`'s frames or `__main__`'s globals. Call on `vm`'s thread.
    static func find(_ lock: PyObject, vm: VM) -> String? {
        var main: PyDict?
        if case .object(let o)? = vm.interp.modules.getStr("__main__"), let m = o as? PyModule { main = m.dict }
        return NameFinder(vms: [vm], mainGlobals: main).name(of: lock)
    }
}
