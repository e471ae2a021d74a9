import XCTest
import Runtime
@testable import Trace

final class ThreadStatesTests: XCTestCase {
    func lane(_ lanes: [ThreadLane], _ name: String) -> ThreadLane { lanes.first { $0.thread.name == name }! }

    /// Every lane is a gap-free, overlap-free sequence of intervals.
    func assertPartition(_ lanes: [ThreadLane], file: StaticString = #filePath, line: UInt = #line) {
        for l in lanes {
            for (a, b) in zip(l.intervals, l.intervals.dropFirst()) {
                XCTAssertEqual(a.end, b.start, accuracy: 1e-12, "\(l.thread.name): gap or overlap", file: file, line: line)
                XCTAssertNotEqual(a.state, b.state, "\(l.thread.name): unmerged neighbours", file: file, line: line)
            }
            for i in l.intervals { XCTAssertGreaterThan(i.end, i.start, file: file, line: line) }
        }
    }

    func testContentionStates() {
        let lanes = ThreadStates.lanes(contention())
        assertPartition(lanes)
        XCTAssertEqual(lanes.map(\.thread.name), ["MainThread", "T2", "T3"])
        let t3 = lane(lanes, "T3")
        XCTAssertEqual(t3.intervals.map(\.state), [.running, .lock("L1"), .running])
        XCTAssertEqual(t3.intervals[1].start, 0.2); XCTAssertEqual(t3.intervals[1].end, 0.4)
        XCTAssertEqual(t3.intervals[1].location, "demo.py:5")
        XCTAssertTrue(t3.started && t3.ended)
        XCTAssertEqual(t3.lastSeen, 0.55)
        let main = lane(lanes, "MainThread")
        XCTAssertEqual(main.intervals.map(\.state), [.running, .join("T2"), .running])
        XCTAssertEqual(main.firstSeen, 0); XCTAssertEqual(main.lastSeen, 0.6, "alive until the recording ends")
    }

    func testGILWaitOverridesAndNestedBracketsShowTheOutermost() {
        let r = recording([
            ev(0.1, 1, .join, "T2"),
            ev(0.1, 1, .lockWait, "tstate", location: "<frozen threading>:1"),   // join's machinery
            ev(0.3, 1, .gilWait),                                                   // lock free, GIL not
            ev(0.35, 1, .gilAcquired),
            ev(0.35, 1, .lockAcquired, "tstate"),
            ev(0.35, 1, .joinDone, "T2"),
        ], end: 0.4)
        let main = ThreadStates.lanes(r)[0]
        XCTAssertEqual(main.intervals.map(\.state), [.running, .join("T2"), .gilWait, .running])
        XCTAssertEqual(main.totals[.gilWait]!, 0.05, accuracy: 1e-9)
    }

    func testGILDropMakesTheThreadRunnableUntilItHasTheGILAgain() {
        let lanes = ThreadStates.lanes(pingPong(gil: true))
        assertPartition(lanes)
        let t2 = lane(lanes, "T2"), t3 = lane(lanes, "T3")
        XCTAssertEqual(Set(t2.intervals.map(\.state)), [.running, .gilWait])
        XCTAssertEqual(t2.totals[.running]! / t2.lifetime, 0.5, accuracy: 0.05)
        XCTAssertEqual(t3.intervals.first?.state, .gilWait, "T3 waited for the GIL before it started")
    }

    func testPeakParallelism() {
        XCTAssertEqual(ThreadStates.peakParallelism(ThreadStates.lanes(pingPong(gil: true))), 1,
                       "with the GIL, hand-overs are not overlaps")
        XCTAssertEqual(ThreadStates.peakParallelism(ThreadStates.lanes(pingPong(gil: false))), 2)
        XCTAssertEqual(ThreadStates.peakParallelism([]), 0)
    }

    func testEventsBeforeTheRecordingAndAfterAThreadEndedAreIgnored() {
        let r = recording([ev(0.05, 2, .lockWait, "L"), ev(0.2, 2, .threadStart), ev(0.3, 2, .threadEnd),
                           ev(0.35, 2, .lockWait, "L")], start: 0.1, end: 0.5)
        let t2 = ThreadStates.lanes(r)[1]
        XCTAssertEqual(t2.intervals, [StateInterval(start: 0.2, end: 0.3, state: .running)])
    }

    func testMachineryNesting() {
        var n = ThreadStates.Nesting()
        XCTAssertFalse(n.isMachinery(ev(0.1, 1, .lockWait, "L1")))
        XCTAssertTrue(n.isMachinery(ev(0.1, 1, .lockWait, "L1", location: "<frozen threading>:300")))
        XCTAssertFalse(n.isMachinery(ev(0.1, 1, .join, "T2")))
        XCTAssertTrue(n.isMachinery(ev(0.1, 1, .lockWait, "tstate")))
        XCTAssertFalse(n.isMachinery(ev(0.1, 2, .lockWait, "L1")), "other threads are not inside the join")
        XCTAssertFalse(n.isMachinery(ev(0.2, 1, .joinDone, "T2")))
        XCTAssertFalse(n.isMachinery(ev(0.3, 1, .lockWait, "L1")))
    }
}
