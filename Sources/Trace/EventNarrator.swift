import Foundation
import Runtime
import Engine

/// Turns trace events into the short notes of `:annotate events` ("waits for lock L1 held by Thread-1",
/// "got lock L1 after 4.2 ms"). Pure and sequential, so it is tested on synthetic event arrays;
/// `EventNarrator` feeds it live events.
///
/// Said: thread start/end, contended lock waits and their outcome, a release only when some thread is
/// waiting for that lock, joins, sleeps, condition waits/wake-ups/notifies, deadlocks and notes.
/// Not said: uncontended acquires/releases, GIL events, printed output (too many, or already visible),
/// and lock events that are the machinery of a join or condition wait (see `ThreadStates.Nesting`).
/// After `limit` notes, one more says the rest are left out (the summary still counts everything).
public struct Narration {
    public var limit: Int
    public private(set) var count = 0
    private var names: [Int: String] = [:]
    /// Threads waiting for each lock (by objectID, else label).
    private var waiters: [String: [String]] = [:]
    private var waitStart: [Int: Double] = [:]
    private var nesting = ThreadStates.Nesting()

    public init(limit: Int = 200) { self.limit = limit }

    /// The note for `e` (without the thread: the gutter names it), or nil.
    public mutating func note(for e: TraceEvent) -> String? {
        names[e.thread] = e.threadName
        if nesting.isMachinery(e) { return nil }
        guard let text = describe(e) else { return nil }
        count += 1
        if count == limit + 1 { return "… more engine notes left out (the summary below counts everything)" }
        return count > limit ? nil : text
    }

    private func lockName(_ e: TraceEvent) -> String { "lock " + (e.object ?? "?") }
    private func key(_ e: TraceEvent) -> String { e.objectID.map { "#\($0)" } ?? (e.object ?? "?") }
    /// ` (at file:line)`, unless the line is inside the threading module itself (`<frozen threading>`),
    /// which would tell a learner nothing.
    private func at(_ e: TraceEvent) -> String {
        guard let l = e.location, !l.hasPrefix("<frozen ") else { return "" }
        return " (at \(l))"
    }

    private mutating func describe(_ e: TraceEvent) -> String? {
        switch e.kind {
        case .threadStart: return "starts"
        case .threadEnd: return "ends"
        case .lockWait:
            waiters[key(e), default: []].append(e.threadName)
            waitStart[e.thread] = e.time
            var holder = e.otherThread.flatMap { names[$0] }
            if holder == nil, let d = e.detail, !d.isEmpty, Double(d) == nil { holder = d }
            if holder == e.threadName {
                // The `threading` pattern behind Event/Condition waits: block on a lock it holds itself
                // until another thread releases it.
                return "waits for \(lockName(e)), which it holds itself: another thread must release it" + at(e)
            }
            return "waits for \(lockName(e))" + (holder.map { " held by \($0)" } ?? "") + at(e)
        case .lockAcquired, .lockTimeout:
            if var w = waiters[key(e)], let i = w.firstIndex(of: e.threadName) {
                w.remove(at: i)
                waiters[key(e)] = w.isEmpty ? nil : w
            }
            let waited = waitStart.removeValue(forKey: e.thread).map { e.time - $0 }
            if e.kind == .lockTimeout {
                let after = waited.map { " after \(RunSummary.duration($0))" } ?? ""
                if e.detail == TraceEvent.interruptedDetail { return "stops waiting for \(lockName(e))\(after): interrupted" }
                return "gives up waiting for \(lockName(e))" + after
            }
            let ms = e.detail.flatMap(Double.init).map { $0 / 1000 } ?? waited
            return "got \(lockName(e))" + (ms.map { " after \(RunSummary.duration($0))" } ?? "")
        case .lockRelease:
            guard let w = waiters[key(e)], !w.isEmpty else { return nil }
            return "releases \(lockName(e)); \(w.joined(separator: ", ")) \(w.count == 1 ? "is" : "are") waiting for it"
        case .join: return "waits for \(e.object ?? e.otherThread.flatMap { names[$0] } ?? "a thread") to finish (join)" + at(e)
        case .joinDone:
            if e.detail == "timed out" { return "join timed out: \(e.object ?? "the thread") is still running" }
            if e.detail == TraceEvent.interruptedDetail { return "stops waiting for \(e.object ?? "the thread"): interrupted" }
            // No joined thread: the engine waited for all the others (`ThreadStopper.waitingForOthers`).
            if e.object == ThreadStopper.othersLabel { return "done waiting for \(ThreadStopper.othersLabel)" }
            return "join returns: \(e.object ?? "the thread") has finished"
        case .sleep: return "sleeps" + (e.detail.map { " \($0)" } ?? "")
        case .conditionWait: return "waits on \(e.object ?? "a condition")" + at(e)
        case .conditionWoken:
            if e.detail == "timed out" { return "stops waiting on \(e.object ?? "a condition") (timeout)" }
            return "woken up (\(e.object ?? "condition"))"
        case .conditionNotify: return "notifies \(e.object ?? "a condition")" + (e.detail.map { " (\($0))" } ?? "")
        case .deadlock:
            // One per stuck thread; the detector prints the full report itself.
            return "is stuck in a deadlock" + (e.object.map { " (waiting for \($0))" } ?? "")
        case .note: return e.detail.map { $0.replacingOccurrences(of: "\n", with: " ") }
        default: return nil
        }
    }
}

/// Writes `Narration` notes for a live interpreter through an `AnnotatingSink` while subscribed.
public final class EventNarrator: @unchecked Sendable {
    private let interpreter: Interpreter
    private let sink: AnnotatingSink
    private let narration: Locked<Narration>
    private var subscription: Int?

    public init(interpreter: Interpreter, sink: AnnotatingSink, limit: Int = 200) {
        self.interpreter = interpreter
        self.sink = sink
        self.narration = Locked(Narration(limit: limit))
    }

    public func start() {
        let narration = self.narration, sink = self.sink
        subscription = interpreter.traceHub.subscribe { e in
            // GIL events come in while the GIL's internal lock is held: drop them before any locking.
            switch e.kind {
            case .gilWait, .gilAcquired, .gilDrop, .output, .lockAcquire: return
            default: break
            }
            if let text = narration.withLock({ $0.note(for: e) }) { sink.note(text, thread: e.threadName) }
        }
    }

    public func stop() {
        if let s = subscription { interpreter.traceHub.unsubscribe(s) }
        subscription = nil
    }
}
