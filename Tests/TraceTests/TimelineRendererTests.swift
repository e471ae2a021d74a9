import XCTest
import Runtime
@testable import Trace

final class TimelineRendererTests: XCTestCase {
    func laneRows(_ text: String) -> [String] { text.split(separator: "\n").map(String.init).filter { $0.contains(" │") } }
    func cells(of row: String) -> String {
        let parts = row.components(separatedBy: "│")
        return parts.count >= 3 ? parts[1] : ""
    }

    func testFitsTheWidthAndDrawsOneLanePerThread() {
        for width in [80, 140] {
            let r = contention()
            let text = TimelineRenderer(width: width).render(r, lanes: ThreadStates.lanes(r))
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(Terminal.displayWidth(String(line)), width, "too wide at \(width): \(line)")
            }
            let rows = laneRows(text)
            XCTAssertEqual(rows.count, 3, text)
            XCTAssertTrue(rows[0].hasPrefix("MainThread"))
            let widths = Set(rows.map { cells(of: $0).count })
            XCTAssertEqual(widths.count, 1, "all lanes have the same number of columns")
            XCTAssertGreaterThan(widths.first!, width / 2)
            XCTAssertTrue(text.contains("L blocked on a lock"), text)
            XCTAssertTrue(text.contains("J join"), text)
            XCTAssertTrue(text.contains("└"), "time axis")
            XCTAssertTrue(text.contains(" ms"), "axis unit")
        }
    }

    func testStatesLandInTheRightColumns() {
        let r = contention()   // 0.6 s; T3 blocked 0.2–0.4, alive 0.15–0.55
        let text = TimelineRenderer(width: 80).render(r, lanes: ThreadStates.lanes(r))
        let t3 = Array(cells(of: laneRows(text)[2]))
        let n = Double(t3.count)
        func at(_ t: Double) -> Character { t3[min(t3.count - 1, Int(t / 0.6 * n))] }
        XCTAssertEqual(at(0.05), " ", "not alive yet")
        XCTAssertEqual(at(0.3), "L")
        XCTAssertEqual(at(0.45), "█")
        XCTAssertEqual(at(0.59), " ", "ended")
        XCTAssertTrue(laneRows(text)[2].contains("lock"), "stats name the main other state")
    }

    func testGILPingPongLooksDifferentFromParallelLanes() {
        func workerCells(_ gil: Bool) -> [String] {
            let r = pingPong(gil: gil)
            let text = TimelineRenderer(width: 80).render(r, lanes: ThreadStates.lanes(r))
            return laneRows(text).dropFirst().map { cells(of: $0) }
        }
        for lane in workerCells(true) {
            let mixed = lane.filter { $0 == "▒" }.count, solid = lane.filter { $0 == "█" }.count
            XCTAssertGreaterThan(mixed, solid * 3, "GIL ping-pong shows as taking turns: \(lane)")
        }
        for lane in workerCells(false) {
            XCTAssertFalse(lane.contains("▒")); XCTAssertFalse(lane.contains("░"))
            XCTAssertGreaterThan(lane.filter { $0 == "█" }.count, lane.count * 6 / 10, lane)
        }
    }

    func testGlyphRules() {
        typealias G = TimelineRenderer.Glyph
        XCTAssertEqual(TimelineRenderer.glyph([:]), G.absent)
        XCTAssertEqual(TimelineRenderer.glyph([.running: 0.9, .lock: 0.1]), G.running)
        XCTAssertEqual(TimelineRenderer.glyph([.running: 0.5, .gilWait: 0.5]), G.mixed)
        XCTAssertEqual(TimelineRenderer.glyph([.running: 0.05, .gilWait: 0.95]), G.gilWait)
        XCTAssertEqual(TimelineRenderer.glyph([.running: 0.3, .sleep: 0.7]), G.sleep)
        XCTAssertEqual(TimelineRenderer.glyph([.condition: 1e-6]), G.condition, "a sliver of life still shows")
    }

    func testManyThreadsAreFolded() {
        var events: [TraceEvent] = []
        for t in 2...31 {
            events.append(ev(0.01, t, .threadStart))
            if t % 3 == 0 { events.append(ev(0.02, t, .sleep, detail: "1 s")) }   // the idle ones
            events.append(ev(0.9, t, .threadEnd))
        }
        let r = recording(events, end: 1)
        let text = TimelineRenderer(width: 100, maxLanes: 12).render(r, lanes: ThreadStates.lanes(r))
        let rows = laneRows(text)
        XCTAssertEqual(rows.count, 12)
        XCTAssertTrue(rows[0].hasPrefix("MainThread"))
        XCTAssertFalse(rows.contains { $0.contains("z") && cells(of: $0).filter { $0 == "z" }.count > 10 },
                       "sleepers are folded first")
        XCTAssertTrue(text.contains("19 more threads not drawn"), text)
    }

    func testColourOnlyWhenAsked() {
        let r = contention()
        XCTAssertFalse(TimelineRenderer(width: 80, colour: false).render(r, lanes: ThreadStates.lanes(r)).contains("\u{1B}"))
        let coloured = TimelineRenderer(width: 80, colour: true).render(r, lanes: ThreadStates.lanes(r))
        XCTAssertTrue(coloured.contains("\u{1B}[31m"), "locks are red")
        for line in coloured.split(separator: "\n") { XCTAssertLessThanOrEqual(Terminal.displayWidth(String(line)), 80) }
    }

    func testEmptyRecordingDrawsNothing() {
        XCTAssertEqual(TimelineRenderer().render(recording([], end: 0), lanes: []), "")
    }
}
