import XCTest
import Runtime
@testable import Trace

final class RunSummaryTests: XCTestCase {
    func testContention() {
        let s = RunSummary(contention())
        XCTAssertEqual(s.threadsStarted, 2)
        XCTAssertEqual(s.lockWaits, 1)
        XCTAssertEqual(s.totalLockWait, 0.2, accuracy: 1e-9)
        XCTAssertEqual(s.longestLockWait, 0.2, accuracy: 1e-9)
        XCTAssertEqual(s.longestLock, "L1"); XCTAssertEqual(s.longestWaiter, "T3")
        XCTAssertEqual(s.peakParallelism, 3, "main, T2 and T3 all ran between 0.15 and 0.2 s (no GIL events here)")
        XCTAssertEqual(s.wallSeconds, 0.6, accuracy: 1e-9)
        let text = s.render(colour: false)
        XCTAssertTrue(text.contains("lock waits: 1, 200.0 ms in all · longest 200.0 ms (T3 on L1)"), text)
        var onTwoCores = s
        onTwoCores.cores = 2
        XCTAssertTrue(onTwoCores.render(colour: false).contains("peak parallelism 2 (3 runnable)"),
                      "never more parallelism than cores: \(onTwoCores.render(colour: false))")
        onTwoCores.cores = 4
        let onFour = onTwoCores.render(colour: false)
        XCTAssertTrue(onFour.contains("peak parallelism 3") && !onFour.contains("runnable"), onFour)
        for line in s.render(colour: false, width: 40).split(separator: "\n") {
            XCTAssertLessThanOrEqual(Terminal.displayWidth(String(line)), 40, "wraps: \(line)")
        }
        XCTAssertTrue(text.contains("CPU 500.0 ms"), text)
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(s.render(colour: true).contains("\u{1B}[2m"))
    }

    func testMachineryWaitsAndTimeoutsAndGIL() {
        let r = recording([
            ev(0.1, 1, .lockWait, "waiter", location: "<frozen threading>:250"),
            ev(0.3, 1, .lockAcquired, "waiter"),
            ev(0.3, 2, .lockWait, "A"), ev(0.35, 2, .lockTimeout, "A"),
            ev(0.3, 3, .lockWait, "B"), ev(0.31, 3, .lockAcquired, "B"),
            ev(0.4, 2, .gilWait), ev(0.42, 2, .gilAcquired),
        ], end: 0.5)
        let s = RunSummary(r)
        XCTAssertEqual(s.lockWaits, 2, "the threading module's own waits are not the program's")
        XCTAssertEqual(s.lockTimeouts, 1)
        XCTAssertEqual(s.longestLock, "A")
        XCTAssertEqual(s.mostWaitedLock, "A")
        XCTAssertEqual(s.gilSwitches, 1)
        XCTAssertEqual(s.gilWaitSeconds, 0.02, accuracy: 1e-9)
        XCTAssertTrue(s.render(colour: false).contains("GIL: 1 hand-over"))
        XCTAssertTrue(s.render(colour: false).contains("1 timed out"))
    }

    func testNoWaits() {
        let s = RunSummary(recording([], end: 1.5, gil: false))
        XCTAssertEqual(s.lockWaits, 0)
        XCTAssertEqual(s.peakParallelism, 1)
        let text = s.render(colour: false)
        XCTAssertTrue(text.contains("wall 1.50 s"), text)
        XCTAssertTrue(text.contains("GIL off"), text)
        XCTAssertFalse(text.contains("GIL:"), "no GIL line without the GIL")
    }

    func testAFullRecorderIsSaidAndLanesStopWhereItFilledUp() {
        var r = contention()
        r.events = r.events.filter { $0.time <= 0.3 }   // what a full recorder kept
        r.droppedEvents = 1234
        r.recordedUntil = 0.3
        let lanes = ThreadStates.lanes(r)
        XCTAssertEqual(lanes.first { $0.thread.name == "MainThread" }?.lastSeen, 0.3)
        let text = RunSummary(r).render(colour: false, width: 200)
        XCTAssertTrue(text.contains("recorder full after 300.0 ms: 1234 later events not recorded"), text)
    }

    func testDurations() {
        XCTAssertEqual(RunSummary.duration(0.0004), "400 µs")
        XCTAssertEqual(RunSummary.duration(0.0042), "4.2 ms")
        XCTAssertEqual(RunSummary.duration(2.5), "2.50 s")
    }
}
