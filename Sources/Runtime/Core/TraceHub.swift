import Synchronization

/// Fans the interpreter's trace events out to any number of listeners (a recorder for the timeline, the
/// narrator of `:annotate events`, a deadlock detector …), so each view subscribes on its own instead of
/// sharing one `eventSink` closure.
///
/// Cheap when nobody listens: `VM.emit` checks `isActive` (one relaxed atomic load) before building an
/// event. Listeners are called on the emitting thread, sometimes while it holds the GIL's internal lock
/// (gil events), so they must be quick and must not take the GIL or run Python code.
public final class TraceHub: @unchecked Sendable {
    public typealias Listener = @Sendable (TraceEvent) -> Void

    private let listeners = Locked<[(id: Int, fn: Listener)]>([])
    private let count = Atomic<Int>(0)
    private let nextID = Atomic<Int>(1)

    public init() {}

    /// True when at least one listener is subscribed.
    @inline(__always)
    public var isActive: Bool { count.load(ordering: .relaxed) > 0 }

    /// Adds a listener; keep the returned id to `unsubscribe`.
    @discardableResult
    public func subscribe(_ fn: @escaping Listener) -> Int {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        listeners.withLock { $0.append((id, fn)) }
        count.add(1, ordering: .relaxed)
        return id
    }

    public func unsubscribe(_ id: Int) {
        let removed = listeners.withLock { l -> Bool in
            let before = l.count
            l.removeAll { $0.id == id }
            return l.count != before
        }
        if removed { count.subtract(1, ordering: .relaxed) }
    }

    /// Delivers `event` to every listener, in subscription order, outside the hub's lock.
    public func publish(_ event: TraceEvent) {
        let current = listeners.withLock { $0 }
        for l in current { l.fn(event) }
    }
}
