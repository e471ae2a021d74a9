import Synchronization
import Foundation

/// The per-object lock of lists, dicts, sets and cells: held for a few instructions at a time, never
/// across Python code, so an uncontended acquire must be as cheap as one atomic exchange. (The
/// toolchain's `Mutex` costs several times more on Linux — it is a priority-inheriting futex lock —
/// and it dominated attribute and global lookups.) Under contention it spins briefly, then yields.
public struct SpinLock: ~Copyable, @unchecked Sendable {
    private let word = Atomic<UInt32>(0)

    public init() {}

    @inline(__always)
    public func lock() {
        if word.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged { return }
        lockSlow()
    }

    @inline(never)
    private func lockSlow() {
        var spins = 0
        while true {
            if word.load(ordering: .relaxed) == 0,
               word.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged { return }
            spins += 1
            if spins > 64 { sched_yield() }
        }
    }

    @inline(__always)
    public func unlock() { word.store(0, ordering: .releasing) }
}
