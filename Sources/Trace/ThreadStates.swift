import Foundation
import Runtime

/// A Python thread as the views name it.
public struct ThreadRef: Sendable, Hashable {
    public var ident: Int
    public var name: String
    public init(ident: Int, name: String) { self.ident = ident; self.name = name }
}

/// What a thread is doing between two of its events.
public enum ThreadState: Sendable, Hashable {
    /// Started, not ended, not blocked, not waiting for the GIL: it runs bytecode.
    case running
    /// Runnable, but waiting for the GIL (or just handed it over).
    case gilWait
    /// Blocked in a lock's `acquire` (the lock's label).
    case lock(String)
    /// Blocked in `join` (the joined thread's name).
    case join(String)
    /// Blocked in a condition's `wait` (its label).
    case condition(String)
    /// In `time.sleep` (the duration as shown).
    case sleep(String)

    /// The state without its label, for glyphs, colours and totals.
    public enum Category: String, Sendable, CaseIterable {
        case running, gilWait, lock, join, condition, sleep
    }

    public var category: Category {
        switch self {
        case .running: .running
        case .gilWait: .gilWait
        case .lock: .lock
        case .join: .join
        case .condition: .condition
        case .sleep: .sleep
        }
    }

    /// Words for a slice or a note: "blocked on lock L1".
    public var description: String {
        switch self {
        case .running: "running"
        case .gilWait: "waiting for the GIL"
        case .lock(let l): "blocked on lock \(l)"
        case .join(let t): "joining \(t)"
        case .condition(let c): "waiting on \(c)"
        case .sleep(let d): d.isEmpty ? "sleeping" : "sleeping \(d)"
        }
    }
}

/// One stretch of a thread's life in one state: `[start, end)` in event seconds.
public struct StateInterval: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var state: ThreadState
    /// Where the thread waits (`file:line`), for blocked states when the event said.
    public var location: String?
    public var duration: Double { end - start }
}

/// One thread's life during a recording, as consecutive non-overlapping intervals.
public struct ThreadLane: Sendable {
    public var thread: ThreadRef
    /// Sorted, non-overlapping, adjacent intervals from the thread's first sight to its end (or the
    /// recording's end).
    public var intervals: [StateInterval]
    /// Whether the recording saw it start (`threadStart`) and end (`threadEnd`).
    public var started: Bool
    public var ended: Bool

    public var firstSeen: Double { intervals.first?.start ?? 0 }
    public var lastSeen: Double { intervals.last?.end ?? 0 }
    public var lifetime: Double { lastSeen - firstSeen }

    /// Seconds spent in each state category.
    public var totals: [ThreadState.Category: Double] {
        var t: [ThreadState.Category: Double] = [:]
        for i in intervals { t[i.state.category, default: 0] += i.duration }
        return t
    }
}

/// Derives each thread's states from the bracketed intervals of the event schema (see `TraceEvent`):
/// `lockWait`…`lockAcquired|lockTimeout`, `join`…`joinDone`, `conditionWait`…`conditionWoken`,
/// `sleep`…`sleepDone` block; `gilWait`…`gilAcquired` and `gilDrop`…`gilAcquired` are runnable but not
/// running; anything else between `threadStart` and `threadEnd` is running.
///
/// Blocking brackets nest (a `join` implemented by a lock wait inside `threading`): the outermost open
/// one is the state, since it says what the Python code asked for.
/// Waiting for the GIL overrides them (a thread whose lock wait is over but that has not got the GIL
/// back is runnable, not blocked).
public enum ThreadStates {
    public static func lanes(_ r: Recording) -> [ThreadLane] {
        // A class, so updating a thread's state does not copy its interval array (O(n²) on long runs).
        final class Open {
            init(ref: ThreadRef, since: Double) { self.ref = ref; self.since = since }
            var ref: ThreadRef
            var blocked: [(ThreadState, String?)] = []
            var gil = false
            var since: Double
            var intervals: [StateInterval] = []
            var started = false
            var ended = false
            var state: ThreadState { gil ? .gilWait : (blocked.first?.0 ?? .running) }
            var location: String? { gil ? nil : blocked.first?.1 }
        }
        var open: [Int: Open] = [:]
        var order: [Int] = []

        func close(_ o: Open, at t: Double) {
            let t = max(t, o.since)
            guard t > o.since else { return }
            let s = o.state, loc = o.location
            if var last = o.intervals.last, last.state == s, last.end == o.since, last.location == loc {
                last.end = t
                o.intervals[o.intervals.count - 1] = last
            } else {
                o.intervals.append(StateInterval(start: o.since, end: t, state: s, location: loc))
            }
            o.since = t
        }

        for t in r.initialThreads where open[t.ident] == nil {
            open[t.ident] = Open(ref: t, since: r.start)
            order.append(t.ident)
        }
        for e in r.events {
            if e.time < r.start { continue }
            if open[e.thread] == nil {
                open[e.thread] = Open(ref: ThreadRef(ident: e.thread, name: e.threadName), since: e.time)
                order.append(e.thread)
            }
            let o = open[e.thread]!
            if o.ended { continue }
            close(o, at: e.time)
            o.ref.name = e.threadName
            let label = e.object ?? "?"
            switch e.kind {
            case .threadStart: o.started = true
            case .threadEnd: o.ended = true
            case .lockWait: o.blocked.append((.lock(label), e.location))
            case .lockAcquired, .lockTimeout: pop(&o.blocked, .lock)
            case .join: o.blocked.append((.join(e.object ?? "a thread"), e.location))
            case .joinDone: pop(&o.blocked, .join)
            case .conditionWait: o.blocked.append((.condition(e.object ?? "a condition"), e.location))
            case .conditionWoken: pop(&o.blocked, .condition)
            case .sleep: o.blocked.append((.sleep(e.detail ?? ""), e.location))
            case .sleepDone: pop(&o.blocked, .sleep)
            case .gilWait, .gilDrop: o.gil = true
            case .gilAcquired: o.gil = false
            default: break
            }
        }
        return order.map { id in
            let o = open[id]!
            if !o.ended { close(o, at: r.lanesEnd) }
            return ThreadLane(thread: o.ref, intervals: o.intervals, started: o.started, ended: o.ended)
        }
    }

    /// Removes the innermost open bracket of `category` (tolerates an end without a start).
    private static func pop(_ stack: inout [(ThreadState, String?)], _ category: ThreadState.Category) {
        if let i = stack.lastIndex(where: { $0.0.category == category }) { stack.remove(at: i) }
    }

    /// Whether the event comes from inside the `threading` module's own Python code (the locks behind
    /// `Event`, `Condition` and `join`) or is about one of its own locks (`TraceEvent.machinery`), not
    /// about a lock the program made.
    public static func isInternal(_ e: TraceEvent) -> Bool { e.machinery || e.location?.hasPrefix("<frozen ") == true }

    /// Tracks, per thread, whether a join or condition wait is open: lock events inside one are that
    /// primitive's machinery, not waits the program asked for.
    public struct Nesting {
        private var depth: [Int: Int] = [:]
        public init() {}
        /// Updates for `e`; returns true when `e` is a lock event to leave out of lock statistics/notes.
        public mutating func isMachinery(_ e: TraceEvent) -> Bool {
            switch e.kind {
            case .join, .conditionWait: depth[e.thread, default: 0] += 1
            case .joinDone, .conditionWoken: depth[e.thread] = max(0, (depth[e.thread] ?? 0) - 1)
            case .lockWait, .lockAcquired, .lockTimeout, .lockRelease, .lockAcquire:
                return (depth[e.thread] ?? 0) > 0 || ThreadStates.isInternal(e)
            default: break
            }
            return false
        }
    }

    /// The largest number of threads running at the same moment.
    public static func peakParallelism(_ lanes: [ThreadLane]) -> Int {
        var edges: [(Double, Int)] = []
        for l in lanes {
            for i in l.intervals where i.state == .running && i.duration > 0 {
                edges.append((i.start, +1))
                edges.append((i.end, -1))
            }
        }
        // Ends sort before starts at the same instant: a hand-over is not an overlap.
        edges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var now = 0, peak = 0
        for (_, d) in edges { now += d; peak = max(peak, now) }
        return peak
    }
}
