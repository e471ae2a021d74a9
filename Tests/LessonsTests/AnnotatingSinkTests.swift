import XCTest
import Foundation
import Synchronization
import Runtime
import Trace

/// A clock the test moves by hand.
final class FakeClock: @unchecked Sendable {
    private let now = Mutex<Double>(0)
    let base = Date(timeIntervalSince1970: 1_000_000)
    func advance(_ s: Double) { now.withLock { $0 += s } }
    var date: Date { base.addingTimeInterval(now.withLock { $0 }) }
}

final class AnnotatingSinkTests: XCTestCase {
    var interp: Interpreter!
    override func setUp() {
        interp = Interpreter(stdout: CapturingSink(), stderr: CapturingSink())
    }

    func testGutterFormat() {
        XCTAssertEqual(AnnotatingSink.gutter(seconds: 0.0123, thread: "MainThread", nameWidth: 10, colour: false),
                       " 0.012s MainThread │ ")
        XCTAssertEqual(AnnotatingSink.gutter(seconds: 12.5, thread: "w1", nameWidth: 10, colour: false),
                       "12.500s w1         │ ")
        XCTAssertEqual(AnnotatingSink.gutter(seconds: 1, thread: "w1", nameWidth: 4, colour: false, isError: true),
                       " 1.000s w1!  │ ")
        let coloured = AnnotatingSink.gutter(seconds: 0.5, thread: "MainThread", nameWidth: 10, colour: true)
        XCTAssertTrue(coloured.hasPrefix("\u{1B}[2m 0.500s\u{1B}[0m "), coloured)
        XCTAssertTrue(coloured.contains(Terminal.colour(forThread: "MainThread") + "MainThread"))
        XCTAssertEqual(Terminal.colour(forThread: "worker-1"), Terminal.colour(forThread: "worker-1"), "stable")
    }

    func testColourDecision() {
        XCTAssertFalse(Terminal.colourEnabled(fd: 1, environment: ["NO_COLOR": "1"]))
        let fd = open("/dev/null", O_WRONLY)
        defer { close(fd) }
        XCTAssertFalse(Terminal.colourEnabled(fd: fd, environment: [:]), "/dev/null is not a terminal")
    }

    func testCompleteLinesGetAGutter() {
        let clock = FakeClock()
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false, clock: { clock.date })
        let main = VM(interp: interp, name: "MainThread")
        clock.advance(0.012)
        sink.write("hello\nworld\n", from: main)
        clock.advance(1)
        sink.write("", from: main)
        sink.write("third\n", from: main)
        XCTAssertEqual(target.text, """
             0.012s MainThread │ hello
             0.012s MainThread │ world
             1.012s MainThread │ third

            """)
    }

    /// Two threads write pieces of lines, interleaved: each line comes out whole under its own thread.
    func testPartialLinesAreBufferedPerThread() {
        let clock = FakeClock()
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false, clock: { clock.date })
        let a = VM(interp: interp, name: "worker-A")
        let b = VM(interp: interp, name: "worker-B")
        sink.write("A says ", from: a)
        sink.write("B says ", from: b)
        clock.advance(0.1)
        sink.write("hel", from: a)
        sink.write("bonjour\nB again", from: b)
        clock.advance(0.1)
        sink.write("lo\n", from: a)
        sink.write("\n", from: b)
        sink.finish()
        XCTAssertEqual(target.text, """
             0.100s worker-B   │ B says bonjour
             0.200s worker-A   │ A says hello
             0.200s worker-B   │ B again

            """)
    }

    /// flush() shows a partial line now; the same thread continues it, another thread's text starts a
    /// new line; finish() ends an open line.
    func testFlushShowsPartialLines() {
        let clock = FakeClock()
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false, minimumNameWidth: 4, clock: { clock.date })
        let a = VM(interp: interp, name: "a")
        let b = VM(interp: interp, name: "b")
        sink.write("loading", from: a)
        sink.flush()
        XCTAssertEqual(target.text, " 0.000s a    │ loading")
        sink.write("...", from: a)
        sink.flush()
        sink.write(" done\n", from: a)
        XCTAssertEqual(target.text, " 0.000s a    │ loading... done\n")
        sink.write("progress", from: b)
        sink.flush()
        clock.advance(0.5)
        sink.write("interrupting\n", from: a)
        sink.write(" more", from: b)
        sink.finish()
        XCTAssertEqual(target.text, """
             0.000s a    │ loading... done
             0.000s b    │ progress
             0.500s a    │ interrupting
             0.500s b    │  more

            """)
    }

    func testNameColumnWidensAndStderrIsMarked() {
        let clock = FakeClock()
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false, minimumNameWidth: 4, clock: { clock.date })
        let long = VM(interp: interp, name: "a-long-name")
        sink.write("x\n", from: long)
        sink.errorSink.write("oops\n", from: long)
        XCTAssertEqual(target.text, " 0.000s a-long-name │ x\n 0.000s a-long-name! │ oops\n")
    }

    func testRestartResetsTimeZero() {
        let clock = FakeClock()
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false, clock: { clock.date })
        clock.advance(5)
        sink.restart()
        clock.advance(0.25)
        sink.write("x\n", from: nil)
        XCTAssertEqual(target.text, " 0.250s -          │ x\n")
    }

    /// Many OS threads writing at once: every line arrives whole, once.
    func testConcurrentWritersKeepLinesWhole() {
        let target = CapturingSink()
        let sink = AnnotatingSink(target: target, colour: false)
        let vms = (0..<8).map { VM(interp: interp, name: "t\($0)") }
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            for n in 0..<200 {
                sink.write("line ", from: vms[i])
                sink.write("\(i)-\(n)", from: vms[i])
                sink.write("\n", from: vms[i])
            }
        }
        sink.finish()
        let lines = target.text.split(separator: "\n")
        XCTAssertEqual(lines.count, 8 * 200)
        for l in lines {
            let parts = l.components(separatedBy: " │ ")
            XCTAssertEqual(parts.count, 2, String(l))
            let thread = parts[0].split(separator: " ")[1]
            XCTAssertTrue(parts[1].hasPrefix("line \(thread.dropFirst())-"), String(l))
        }
    }
}
