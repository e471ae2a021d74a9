import Foundation
import Runtime
@testable import Trace

/// Builds synthetic event streams: `ev(0.1, 2, .lockWait, "L1")` is an event of thread 2 at 0.1 s.
/// Thread 1 is MainThread; others are `T<n>`.
func ev(_ t: Double, _ thread: Int, _ kind: TraceEvent.Kind, _ object: String? = nil, detail: String? = nil,
        id: Int? = nil, other: Int? = nil, location: String? = nil) -> TraceEvent {
    TraceEvent(time: t, pid: 1, thread: thread, threadName: thread == 1 ? "MainThread" : "T\(thread)", kind: kind,
               object: object, detail: detail, objectID: id, otherThread: other, location: location)
}

func recording(_ events: [TraceEvent], start: Double = 0, end: Double, gil: Bool = true) -> Recording {
    Recording(events: events, start: start, end: end, initialThreads: [ThreadRef(ident: 1, name: "MainThread")],
              gilEnabled: gil, cpuSeconds: 0.5)
}

/// Two threads contending for lock L1 (id 7): T2 holds it 0.1–0.4 s, T3 waits 0.2–0.4 s; main joins.
func contention() -> Recording {
    recording([
        ev(0.10, 2, .threadStart), ev(0.10, 2, .lockAcquire, "L1", id: 7),
        ev(0.15, 3, .threadStart),
        ev(0.20, 3, .lockWait, "L1", id: 7, other: 2, location: "demo.py:5"),
        ev(0.25, 1, .join, "T2", other: 2),
        ev(0.40, 2, .lockRelease, "L1", id: 7),
        ev(0.40, 3, .lockAcquired, "L1", detail: "200.0", id: 7),
        ev(0.45, 2, .threadEnd),
        ev(0.45, 1, .joinDone, "T2"),
        ev(0.50, 3, .lockRelease, "L1", id: 7),
        ev(0.55, 3, .threadEnd),
    ], end: 0.6)
}

/// Two CPU-bound threads taking turns for the GIL every 5 ms from 0.1 s to 0.5 s (main joins them).
func pingPong(gil: Bool) -> Recording {
    var e: [TraceEvent] = [ev(0.1, 2, .threadStart), ev(0.1, 3, .gilWait), ev(0.1, 1, .join, "T2")]
    if gil {
        var t = 0.105, holder = 2
        while t < 0.5 {
            let other = holder == 2 ? 3 : 2
            e.append(ev(t, holder, .gilDrop))
            e.append(ev(t + 0.0001, other, .gilAcquired))
            if other == 3 && t < 0.11 { e.append(ev(t + 0.0001, 3, .threadStart)) }
            holder = other
            t += 0.005
        }
        e.append(ev(0.5, 2, .threadEnd)); e.append(ev(0.5, 3, .threadEnd))
    } else {
        e = [ev(0.1, 2, .threadStart), ev(0.1, 3, .threadStart), ev(0.1, 1, .join, "T2"),
             ev(0.5, 2, .threadEnd), ev(0.5, 3, .threadEnd)]
    }
    e.append(ev(0.5, 1, .joinDone, "T2"))
    return recording(e, end: 0.55, gil: gil)
}
