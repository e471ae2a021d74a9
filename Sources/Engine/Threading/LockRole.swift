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
    var snapshot: LockSnapshot { get }
    /// For a condition waiter: the Condition it belongs to (to name it in reports).
    var condition: PyObject? { get }
}

extension DetectableLock {
    /// Identity for trace events (`TraceEvent.objectID`).
    var objectID: Int { ObjectIdentifier(self).hashValue }
}
