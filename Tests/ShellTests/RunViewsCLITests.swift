import XCTest
import Foundation
import Trace

/// `interleave run --annotate/--trace` and the REPL's `:annotate`, `:trace`, `:gil`, end to end.
final class RunViewsCLITests: XCTestCase {
    /// Two workers contend for one lock: main holds it until both are about to acquire it (and a
    /// little longer), so the contention does not depend on scheduling.
    static let contention = """
        import threading, time
        L = threading.Lock()
        ready = []
        def worker(n):
            ready.append(n)
            with L:
                print("worker", n, "has the lock")
        L.acquire()
        ts = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
        for t in ts: t.start()
        while len(ready) < 2:
            time.sleep(0.01)
        time.sleep(0.1)
        L.release()
        for t in ts: t.join()
        print("done")
        """

    func script(_ text: String) throws -> String {
        let path = InterleaveBinary.temporaryDirectory() + "/contention.py"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTraceFileFromARealRunIsStructurallyValidWithAFlow() throws {
        let file = try script(Self.contention)
        let out = InterleaveBinary.temporaryDirectory() + "/out.json"
        let r = try InterleaveBinary.run(["run", "--trace", out, file], input: "")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("done\n"), r.stdout)
        XCTAssertTrue(r.stderr.contains("trace written to \(out)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("timeline"), "--trace alone adds no summary")
        let (problems, stats) = ChromeTraceCheck.check(try Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThanOrEqual(stats.flows, 1, "a release → acquire arrow")
        XCTAssertGreaterThanOrEqual(stats.threads, 3)
    }

    func testAnnotateKeepsPipedStdoutClean() throws {
        let file = try script(Self.contention)
        let plain = try InterleaveBinary.run(["run", file], input: "")
        XCTAssertEqual(plain.stderr, "")
        let r = try InterleaveBinary.run(["run", "--annotate", "events", file], input: "")
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(Set(r.stdout.split(separator: "\n")), Set(plain.stdout.split(separator: "\n")),
                       "stdout is the program's own output")
        XCTAssertFalse(r.stdout.contains("│"))
        XCTAssertTrue(r.stderr.contains("┆ waits for lock"), r.stderr)
        XCTAssertTrue(r.stderr.contains("peak parallelism 1"), r.stderr)
        XCTAssertTrue(r.stderr.contains("timeline of"), r.stderr)
        let views = try XCTUnwrap(r.stderr.range(of: "── wall"))
        for line in r.stderr[views.lowerBound...].split(separator: "\n") {
            XCTAssertLessThanOrEqual(Terminal.displayWidth(String(line)), 80, "non-TTY timelines fit 80 columns: \(line)")
        }
        let off = try InterleaveBinary.run(["run", "--annotate", "off", file], input: "")
        XCTAssertEqual(off.stderr, "")
        let bad = try InterleaveBinary.run(["run", "--annotate", "loud", file], input: "")
        XCTAssertNotEqual(bad.status, 0)
    }

    func testReplViewCommands() throws {
        let out = InterleaveBinary.temporaryDirectory() + "/repl.json"
        let r = try InterleaveBinary.run([], input: """
            :gil
            :gil off
            import threading
            M = threading.Lock(); M.acquire()
            t = threading.Thread(target=M.acquire); t.start()
            :gil on
            M.release(); t.join()
            :gil on
            :annotate
            :annotate events
            :annotate loud
            :trace \(out)
            x = 1
            :open 04
            :run
            :trace off
            :help

            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = r.stdout
        XCTAssertTrue(o.contains("The GIL is on"), o)
        XCTAssertTrue(o.contains("The GIL is off: threads run Python code in parallel"), o)
        XCTAssertTrue(o.contains("Cannot switch the GIL on now: 1 other thread is still running"), o)
        XCTAssertTrue(o.contains("The GIL is on: one thread runs Python code at a time."), o)
        XCTAssertTrue(o.contains("Annotation: output"), o)
        XCTAssertTrue(o.contains("Give off, output or events"), o)
        XCTAssertTrue(o.contains("Tracing into \(out)"), o)
        XCTAssertTrue(o.contains("┆ starts"), "events level narrates the demo:\n\(o)")
        XCTAssertTrue(o.contains("timeline of"), o)
        XCTAssertTrue(o.contains("GIL on"), o)
        XCTAssertTrue(o.contains("Stopped tracing; \(out) has 2 runs"), o)
        for c in [":annotate LEVEL", ":trace FILE", ":gil on|off"] { XCTAssertTrue(o.contains(c), "help lists \(c)") }
        let (problems, stats) = ChromeTraceCheck.check(try Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThanOrEqual(stats.threads, 2)
    }
}
