import Foundation
import XCTest
import Runtime
import Engine

/// The trace events the views draw waits and deadlocks from: lock waits name the lock (objectID), the
/// holder (otherThread) and the waiting line (location); joins name the joined thread; the detector
/// emits one `deadlock` event per stuck thread; and `Runner` returns the deadlock status.
final class DeadlockEventTests: XCTestCase {
    func testDeadlockEvents() throws {
        let out = CapturingSink(), err = CapturingSink()
        let interp = Engine.makeInterpreter(stdout: out, stderr: err)
        let events = Locked<[TraceEvent]>([])
        interp.eventSink = { e in events.withLock { $0.append(e) } }
        // The same program as the end-to-end tests; its lines are found, not counted by hand.
        let src = DeadlockTests.twoLocks
        let waitOne = DeadlockTests.line(of: "with lock_b:", in: src, after: "def first")
        let waitTwo = DeadlockTests.line(of: "with lock_a:", in: src, after: "def second")
        let status = Runner(interp: interp).runMain(source: src, filename: "dl.py")
        XCTAssertEqual(status, Runner.deadlockStatus)
        XCTAssertNotNil(interp.deadlockReport.withLock { $0 })
        XCTAssertTrue(err.text.hasPrefix("Deadlock: 2 threads"), err.text)
        let all = events.withLock { $0 }
        let byName = Dictionary(grouping: all, by: \.threadName)
        guard let t1 = byName["Thread-1 (first)"], let t2 = byName["Thread-2 (second)"],
              let main = byName["MainThread"] else {
            return XCTFail("missing threads in \(Set(all.map(\.threadName)))")
        }
        let t1ident = t1[0].thread, t2ident = t2[0].thread
        // Thread-1 waits for lock_b (held by Thread-2) at its inner `with`, and the other way round.
        let w1 = t1.first { $0.kind == .lockWait && $0.location == "dl.py:\(waitOne)" }
        let w2 = t2.first { $0.kind == .lockWait && $0.location == "dl.py:\(waitTwo)" }
        XCTAssertEqual(w1?.otherThread, t2ident)
        XCTAssertEqual(w2?.otherThread, t1ident)
        XCTAssertNotNil(w1?.objectID)
        XCTAssertNotEqual(w1?.objectID, w2?.objectID)
        // Waits name the lock by its variable, as the report does (not `Lock#N`), and so do the events
        // that end them and the deadlock events.
        XCTAssertEqual(w1?.object, "lock_b")
        XCTAssertEqual(w2?.object, "lock_a")
        XCTAssertTrue(t1.contains { $0.kind == .lockTimeout && $0.object == "lock_b" }, "\(t1)")
        // The lock Thread-1 waits for is the one Thread-2 acquired.
        XCTAssertTrue(t2.contains { $0.kind == .lockAcquire && $0.objectID == w1?.objectID })
        // Main's join names the joined thread.
        XCTAssertTrue(main.contains { $0.kind == .join && $0.otherThread == t1ident && $0.object == "Thread-1 (first)" })
        // One deadlock event per stuck thread, each saying whom it waits for.
        let dl = all.filter { $0.kind == .deadlock }
        XCTAssertEqual(Set(dl.map(\.threadName)), ["Thread-1 (first)", "Thread-2 (second)", "MainThread"])
        XCTAssertEqual(dl.first { $0.thread == t1ident }?.otherThread, t2ident)
        XCTAssertEqual(dl.first { $0.thread == t1ident }?.object, "lock_b")
        XCTAssertEqual(dl.first { $0.thread == t2ident }?.object, "lock_a")
        XCTAssertEqual(dl.first { $0.threadName == "MainThread" }?.object, "Thread-1 (first)")
        XCTAssertEqual(dl.first { $0.threadName == "MainThread" }?.otherThread, t1ident)
    }

    /// Joining a thread that has already ended (the join lock is free, no wait) still names that thread,
    /// not the joiner who now holds its lock.
    func testJoinOfAFinishedThreadNamesIt() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let events = Locked<[TraceEvent]>([])
        interp.eventSink = { e in events.withLock { $0.append(e) } }
        let src = """
            import threading
            t = threading.Thread(target=lambda: None, name="worker")
            t.start()
            t.join()
            t.join()

            """
        XCTAssertEqual(Runner(interp: interp).runMain(source: src, filename: "j.py"), 0)
        let all = events.withLock { $0 }
        guard let worker = all.first(where: { $0.threadName == "worker" })?.thread else {
            return XCTFail("no events from the worker")
        }
        let joins = all.filter { $0.threadName == "MainThread" && $0.kind == .join }
        XCTAssertGreaterThanOrEqual(joins.count, 2, "\(joins)")
        for j in joins {
            XCTAssertEqual(j.object, "worker")
            XCTAssertEqual(j.otherThread, worker)
        }
    }
}
