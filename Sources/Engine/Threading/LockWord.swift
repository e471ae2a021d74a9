import Foundation
import Synchronization
import Runtime

/// The state of an engine lock (`PyLock`, `PyRLock`) in atomics, so that an uncontended acquire is one
/// compare-and-swap and a release one exchange, with no mutex taken (a learner's counter loop does a
/// million of them; the mutex cost two library calls per operation). The lock's `NSCondition` is used
/// only by threads that have to wait, and by a release that may have to wake one.
///
/// `state` is the classic three-state mutex word (Drepper, "Futexes are tricky"): 0 free, 1 held,
/// 2 held and a thread may be waiting. A waiter marks the word 2 *while holding the condition's mutex*
/// and keeps that mutex until `wait` releases it; a release that finds 2 takes the mutex before it
/// signals. So the signal cannot fall between a waiter's check and its wait: no lost wake-up. A stale 2
/// (the waiter timed out or was interrupted) only costs one needless signal.
///
/// `owner` and `generation` are written only by the thread that holds the lock, right after taking it
/// (plain relaxed stores, no read-modify-write); other threads (the deadlock detector, trace events,
/// `repr`) read them as a snapshot that may be a moment old, which the detector tolerates: it acts only
/// on a wait-for graph that stays the same, generations included, across its checks.
struct LockWord: ~Copyable {
    let state = Atomic<Int>(0)
    let owner = Atomic<Int>(0)
    let generation = Atomic<Int>(0)

    var isHeld: Bool { state.load(ordering: .relaxed) != 0 }

    /// The uncontended acquire: free → held.
    @inline(__always)
    func tryTake() -> Bool {
        state.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged
    }

    /// A waiter's attempt, under the condition's mutex: takes the lock if free, and either way marks it
    /// contended so that the holder's release wakes a waiter.
    @inline(__always)
    func takeContended() -> Bool {
        state.exchange(2, ordering: .acquiring) == 0
    }

    /// Records the new holder (call right after taking the lock, on the holder's thread).
    @inline(__always)
    func noteHolder(_ ident: Int) {
        owner.store(ident, ordering: .relaxed)
        generation.store(generation.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
    }

    /// Frees the lock and wakes one waiter if there may be one. Returns false if it was not held (two
    /// threads releasing one Lock at once: the loser gets "release unlocked lock").
    @inline(__always)
    func free(waking cond: NSCondition) -> Bool {
        owner.store(0, ordering: .relaxed)
        let previous = state.exchange(0, ordering: .releasing)
        if previous == 2 { cond.lock(); cond.signal(); cond.unlock() }
        return previous != 0
    }
}

/// The name of the thread holding a lock, for trace events and deadlock reports. Kept from one
/// acquire to the next and re-read only when another thread (or a renamed one) takes the lock: storing
/// `vm.name` on every acquire and clearing it on every release cost four atomic reference-count
/// operations per uncontended acquire/release pair. The check is two relaxed loads; the name itself is
/// written and read under the lock's condition mutex.
struct OwnerName: ~Copyable {
    private let ident = Atomic<Int>(0)
    private let version = Atomic<Int>(-1)
    /// Guarded by the lock's `cond`.
    private(set) var name: String?

    /// Whether the name is already `vm`'s (the fast path's whole cost).
    @inline(__always)
    func isCurrent(_ vm: VM) -> Bool {
        ident.load(ordering: .relaxed) == vm.ident && version.load(ordering: .relaxed) == vm.nameVersion
    }

    /// Stores `vm`'s name. Call with `cond` locked, on `vm`'s thread, while holding the lock.
    mutating func update(_ vm: VM) {
        name = vm.name
        ident.store(vm.ident, ordering: .relaxed)
        version.store(vm.nameVersion, ordering: .relaxed)
    }
}
