import XCTest
import Runtime
@testable import Trace

final class NarrationTests: XCTestCase {
    func notes(_ r: Recording, limit: Int = 200) -> [String] {
        var n = Narration(limit: limit)
        return r.events.compactMap { e in n.note(for: e).map { "\(e.threadName): \($0)" } }
    }

    func testContentionNotes() {
        let n = notes(contention())
        XCTAssertEqual(n, [
            "T2: starts",
            "T3: starts",
            "T3: waits for lock L1 held by T2 (at demo.py:5)",
            "MainThread: waits for T2 to finish (join)",
            "T2: releases lock L1; T3 is waiting for it",
            "T3: got lock L1 after 200.0 ms",
            "T2: ends",
            "MainThread: join returns: T2 has finished",
            "T3: ends",
        ])
    }

    /// The engine waiting for all the other threads (`ThreadStopper.waitingForOthers`: a join of no
    /// particular thread) ends with "done waiting", not "has finished".
    func testWaitForTheOtherThreads() {
        let r = recording([ev(0.1, 1, .join, "the other threads"), ev(0.2, 1, .joinDone, "the other threads", detail: "100.0")],
                          end: 1)
        XCTAssertEqual(notes(r), ["MainThread: waits for the other threads to finish (join)",
                                  "MainThread: done waiting for the other threads"])
    }

    func testQuietAboutGILAndUncontendedLocksAndMachinery() {
        let r = recording([ev(0.1, 2, .gilWait), ev(0.1, 2, .gilAcquired), ev(0.1, 2, .lockAcquire, "L"),
                           ev(0.2, 2, .lockRelease, "L"), ev(0.3, 1, .conditionWait, "C"),
                           ev(0.3, 1, .lockWait, "waiter"), ev(0.4, 1, .lockAcquired, "waiter"),
                           ev(0.4, 1, .conditionWoken, "C"), ev(0.5, 1, .sleep, detail: "0.5 s")], end: 1)
        XCTAssertEqual(notes(r), ["MainThread: waits on C", "MainThread: woken up (C)", "MainThread: sleeps 0.5 s"])
    }

    /// A wait ended by Ctrl-C, a time limit or a deadlock report is not a timeout: notes and the summary's
    /// timeout count must tell them apart.
    func testInterruptedWaitsAreNotTimeouts() {
        let r = recording([ev(0.1, 2, .lockWait, "L", other: 1), ev(0.3, 2, .lockTimeout, "L", detail: TraceEvent.interruptedDetail),
                           ev(0.1, 1, .join, "T2", other: 2), ev(0.3, 1, .joinDone, "T2", detail: TraceEvent.interruptedDetail),
                           ev(0.4, 3, .lockWait, "M"), ev(0.5, 3, .lockTimeout, "M", detail: "100.0")], end: 1)
        let n = notes(r)
        XCTAssertTrue(n.contains("T2: stops waiting for lock L after 200.0 ms: interrupted"), "\(n)")
        XCTAssertTrue(n.contains("MainThread: stops waiting for T2: interrupted"), "\(n)")
        XCTAssertTrue(n.contains("T3: gives up waiting for lock M after 100.0 ms"), "\(n)")
        XCTAssertEqual(RunSummary(r).lockTimeouts, 1)
    }

    func testSelfHeldLockAndTimeout() {
        let r = recording([ev(0.1, 1, .lockWait, "W", detail: "MainThread"), ev(0.2, 1, .lockTimeout, "W")], end: 1)
        let n = notes(r)
        XCTAssertTrue(n[0].contains("which it holds itself"), n[0])
        XCTAssertEqual(n[1], "MainThread: gives up waiting for lock W after 100.0 ms")
    }

    func testTimedOutJoinsAndConditionWaits() {
        let r = recording([ev(0.1, 1, .join, "T2", other: 2, location: "<frozen threading>:471"),
                           ev(0.2, 1, .joinDone, "T2", detail: "timed out"),
                           ev(0.3, 1, .conditionWait, "C"), ev(0.4, 1, .conditionWoken, "C", detail: "timed out")],
                          end: 1)
        XCTAssertEqual(notes(r), ["MainThread: waits for T2 to finish (join)",
                                  "MainThread: join timed out: T2 is still running",
                                  "MainThread: waits on C", "MainThread: stops waiting on C (timeout)"])
    }

    func testDeadlockAndNotesStayOnOneLine() {
        let r = recording([ev(0.1, 2, .deadlock, "L1", detail: "Deadlock!\n  T2 waits for L1\n  T3 waits for L2"),
                           ev(0.2, 1, .note, detail: "two\nlines")], end: 1)
        XCTAssertEqual(notes(r), ["T2: is stuck in a deadlock (waiting for L1)", "MainThread: two lines"])
    }

    func testLimit() {
        let r = recording((0..<10).map { ev(Double($0) * 0.01, 1, .sleep, detail: "0 s") }, end: 1)
        let n = notes(r, limit: 3)
        XCTAssertEqual(n.count, 4)
        XCTAssertTrue(n[3].contains("more engine notes left out"))
    }
}
