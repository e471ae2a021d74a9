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

    public init() {
        deliver = { [unowned self] e in self.publish(e) }
    }

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

    /// `publish` as a stored closure (what `Interpreter.eventSink` returns while anyone listens).
    /// Set once in `init` (not lazily: it is read from many threads).
    public private(set) var deliver: (TraceEvent) -> Void = { _ in }

    private let singleSinkID = Locked<Int?>(nil)

    /// Replaces the listener installed through `Interpreter.eventSink` (nil removes it).
    public func setSingleSink(_ sink: ((TraceEvent) -> Void)?) {
        let old = singleSinkID.withLock { id -> Int? in defer { id = nil }; return id }
        if let old { unsubscribe(old) }
        guard let sink else { return }
        let box = UncheckedSink(sink)
        let id = subscribe { box.fn($0) }
        singleSinkID.withLock { $0 = id }
    }

    private final class UncheckedSink: @unchecked Sendable {
        let fn: (TraceEvent) -> Void
        init(_ fn: @escaping (TraceEvent) -> Void) { self.fn = fn }
    }
}
