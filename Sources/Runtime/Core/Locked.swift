import Foundation

/// State behind a lock, for the engine's bookkeeping (output sinks, interned strings, thread lists).
/// Used instead of Synchronization's `Mutex`, whose futex-based lock ThreadSanitizer cannot see on Linux
/// (every access then looks like a race); this one is a pthread mutex, which TSan understands.
/// Hot per-object locks use `SpinLock` instead.
public final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    public init(_ state: State) { self.state = state }

    @inline(__always)
    public func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
