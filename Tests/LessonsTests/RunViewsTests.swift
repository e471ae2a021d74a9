import XCTest
import Foundation
import Runtime
import Engine
import Trace
@testable import Lessons

/// Lesson demos with views: `gil=` switches the GIL for one demo, summaries and timelines follow
/// annotated demos when asked, and demos are recorded into a trace file.
final class RunViewsTests: XCTestCase {
    func testGILAttributeSwitchesForOneDemo() throws {
        let lesson = try parseLesson("""
            ## S

            ```python demo gil=0
            print("parallel")
            ```

            ```python demo
            print("default")
            ```
            """)
        XCTAssertEqual(lesson.demos.map(\.attributes.gil), [false, nil])
        let out = CapturingSink()
        let s = LessonSession(lesson: lesson, output: out, errorOutput: out, colour: false)
        s.showsRunViews = true
        XCTAssertTrue(s.interpreter.gil.enabled)
        let first = s.runDemo(block: lesson.demos[0])
        XCTAssertEqual(first.outcome, .completed)
        XCTAssertTrue(out.text.contains("GIL off"), out.text)
        XCTAssertTrue(s.interpreter.gil.enabled, "switched back after the demo")
        out.reset()
        s.runDemo(block: lesson.demos[1])
        XCTAssertTrue(out.text.contains("GIL on"), out.text)
        XCTAssertTrue(out.text.contains("timeline of"), out.text)
    }

    func testGILSwitchRefusedWhileThreadsRun() throws {
        let lesson = try parseLesson("""
            ## S

            ```python demo
            import threading
            M = threading.Lock(); M.acquire()
            t = threading.Thread(target=M.acquire); t.start()
            ```

            ```python demo gil=0
            print("never")
            ```

            ```python demo
            M.release(); t.join()
            ```
            """)
        let out = CapturingSink()
        let s = LessonSession(lesson: lesson, output: out, errorOutput: out, colour: false)
        XCTAssertEqual(s.runDemo(block: lesson.demos[0]).outcome, .completed)
        let refused = s.runDemo(block: lesson.demos[1])
        guard case .raised(let why) = refused.outcome else { return XCTFail("\(refused.outcome)") }
        XCTAssertTrue(why.contains("cannot turn the GIL off"), why)
        XCTAssertFalse(out.text.contains("never"))
        XCTAssertEqual(s.runDemo(block: lesson.demos[2]).outcome, .completed)
        XCTAssertEqual(s.runDemo(block: lesson.demos[1]).outcome, .completed, "fine once the thread is gone")
    }

    func testBadGILValueIsMalformed() {
        XCTAssertThrowsError(try parseLesson("""
            ## S

            ```python demo gil=2
            pass
            ```
            """)) { e in XCTAssertTrue("\(e)".contains("gil= must be 0 or 1"), "\(e)") }
    }

    func testDemosWithoutViewsPrintNoSummaryAndTraceFileRecordsThem() throws {
        let lesson = try parseLesson("""
            ## S

            ```python demo
            print("hi")
            ```
            """)
        let out = CapturingSink()
        let s = LessonSession(lesson: lesson, output: out, errorOutput: out, colour: false)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        s.traceFile = ChromeTraceFile(url: url)
        s.runDemo(block: lesson.demos[0])
        XCTAssertFalse(out.text.contains("timeline"), "showsRunViews is off by default")
        XCTAssertEqual(s.traceFile?.recordingCount, 1)
        XCTAssertEqual(ChromeTraceCheck.check(try Data(contentsOf: url)).problems, [])
        s.annotation = .off
        s.showsRunViews = true
        out.reset()
        s.runDemo(block: lesson.demos[0])
        XCTAssertEqual(out.text, "hi\n", "annotation off: plain output, no views")
    }
}
