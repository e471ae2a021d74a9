import XCTest
import Runtime
@testable import Trace

final class ChromeTraceTests: XCTestCase {
    func json(_ t: ChromeTrace) throws -> Data { try t.jsonData() }

    func testContentionExportIsStructurallySoundWithOneFlow() throws {
        let data = try json(ChromeTrace(entries: [.init(contention(), label: "demo")]))
        let (problems, stats) = ChromeTraceCheck.check(data)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(stats.flows, 1, "T2's release of L1 let T3's acquire through")
        XCTAssertEqual(stats.threads, 3)
        let events = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["traceEvents"] as? [[String: Any]])
        let s = try XCTUnwrap(events.first { $0["ph"] as? String == "s" })
        let f = try XCTUnwrap(events.first { $0["ph"] as? String == "f" })
        XCTAssertEqual(s["ts"] as? Double, 400_000); XCTAssertEqual(f["ts"] as? Double, 400_000)
        XCTAssertNotEqual(s["tid"] as? Int, f["tid"] as? Int)
        let names = Set(events.compactMap { $0["ph"] as? String == "X" ? $0["name"] as? String : nil })
        XCTAssertTrue(names.isSuperset(of: ["running", "blocked on lock L1", "joining T2"]), "\(names)")
        let blocked = try XCTUnwrap(events.first { $0["name"] as? String == "blocked on lock L1" })
        XCTAssertEqual(blocked["dur"] as? Double, 200_000)
        XCTAssertEqual((blocked["args"] as? [String: Any])?["location"] as? String, "demo.py:5")
    }

    func testReleaseBeforeTheWaitIsNotAFlowAndLabelsWorkWithoutIDs() throws {
        let r = recording([
            ev(0.1, 2, .lockRelease, "L"),                  // before anyone waited: enables nothing
            ev(0.2, 3, .lockWait, "L"),
            ev(0.3, 2, .lockRelease, "L"),
            ev(0.3, 3, .lockAcquired, "L"),
            ev(0.4, 4, .lockWait, "L"), ev(0.5, 4, .lockTimeout, "L"),
        ], end: 0.6)
        let (problems, stats) = ChromeTraceCheck.check(try json(ChromeTrace(entries: [.init(r, label: "x")])))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(stats.flows, 1)
    }

    func testSeveralRecordingsShareTracksWithoutOverlap() throws {
        let a = contention()
        var b = contention()
        b.interpreterStart = a.interpreterStart.addingTimeInterval(1)   // the next demo, a second later
        let data = try json(ChromeTrace(entries: [.init(a, label: "one"), .init(b, label: "two")]))
        let (problems, stats) = ChromeTraceCheck.check(data)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(stats.flows, 2)
        XCTAssertEqual(stats.threads, 3, "same threads, same tracks")
    }

    func testStrangeNamesAreEscaped() throws {
        let odd = "工人 \"q\" \\ \n\t\u{1}"
        let r = recording([TraceEvent(time: 0.1, pid: 1, thread: 9, threadName: odd, kind: .threadStart),
                           TraceEvent(time: 0.2, pid: 1, thread: 9, threadName: odd, kind: .output, detail: odd)],
                          end: 0.3)
        let data = try ChromeTrace(entries: [.init(r, label: odd)]).jsonData()
        XCTAssertEqual(ChromeTraceCheck.check(data).problems, [])
        let events = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["traceEvents"] as? [[String: Any]])
        XCTAssertTrue(events.contains { ($0["args"] as? [String: Any])?["name"] as? String == odd })
        XCTAssertTrue(events.contains { ($0["args"] as? [String: Any])?["text"] as? String == odd })
    }

    func testTheCheckerHasTeeth() {
        func problems(_ events: [[String: Any]]) -> [String] {
            ChromeTraceCheck.check(try! JSONSerialization.data(withJSONObject: ["traceEvents": events])).problems
        }
        let name: [String: Any] = ["ph": "M", "name": "thread_name", "pid": 1, "tid": 1, "args": ["name": "M"]]
        XCTAssertEqual(ChromeTraceCheck.check(Data("[1,".utf8)).problems.count, 1)
        XCTAssertEqual(problems([name, ["ph": "X", "pid": 1, "tid": 1, "ts": 5, "dur": -1]]).count, 1)
        XCTAssertEqual(problems([["ph": "X", "pid": 1, "tid": 2, "ts": 5, "dur": 1]]), ["track 1/2 has no thread_name"])
        XCTAssertEqual(problems([name, ["ph": "s", "id": 1, "pid": 1, "tid": 1, "ts": 5]]).count, 1)
        XCTAssertEqual(problems([name, ["ph": "s", "id": 1, "pid": 1, "tid": 1, "ts": 5],
                                 ["ph": "f", "bp": "e", "id": 1, "pid": 1, "tid": 1, "ts": 4]]).count, 1)
        XCTAssertEqual(problems([name, ["ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 10],
                                 ["ph": "X", "pid": 1, "tid": 1, "ts": 5, "dur": 10]]).count, 1, "partial overlap")
        XCTAssertEqual(problems([name, ["ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 10],
                                 ["ph": "X", "pid": 1, "tid": 1, "ts": 2, "dur": 3],
                                 ["ph": "X", "pid": 1, "tid": 1, "ts": 10, "dur": 3]]), [], "nesting and touching are fine")
    }

    func testTraceFileIsValidAfterEveryAppend() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = ChromeTraceFile(url: url)
        try file.writeEmpty()
        XCTAssertEqual(ChromeTraceCheck.check(try Data(contentsOf: url)).problems, [])
        let first = contention()
        var second = pingPong(gil: true)
        second.interpreterStart = first.interpreterStart.addingTimeInterval(0.6)   // runs after the first
        try file.append(first, label: "a")
        try file.append(second, label: "b")
        let (problems, stats) = ChromeTraceCheck.check(try Data(contentsOf: url))
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThan(stats.slices, 100)
        XCTAssertEqual(file.recordingCount, 2)
    }
}
