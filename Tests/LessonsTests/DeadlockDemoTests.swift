import XCTest
import Foundation
import Runtime
import Engine
@testable import Lessons

/// Lessons and deadlocks: the ```` ```python demo deadlock ```` contract with lesson authors, and demos
/// whose threads are stopped when the demo is interrupted.
final class DeadlockDemoTests: XCTestCase {
    func makeSession(_ body: String) throws -> (LessonSession, CapturingSink) {
        let out = CapturingSink()
        let lesson = try parseLesson(body)
        return (LessonSession(lesson: lesson, output: out, errorOutput: out, colour: false), out)
    }

    /// The two-lock program shared with the conformance and REPL tests (`Tests/Fixtures/two_locks_deadlock.py`),
    /// without its final newline (it goes inside a fenced block).
    static let deadlockingDemo: String = {
        let url = repoRoot.appendingPathComponent("Tests/Fixtures/two_locks_deadlock.py")
        guard let s = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing \(url.path)") }
        return s.trimmingCharacters(in: .newlines)
    }()

    func testExpectedDeadlockPassesAndChecksSeeTheReport() throws {
        let (s, out) = try makeSession("""
            ## Deadlock

            ```python demo deadlock
            \(DeadlockDemoTests.deadlockingDemo)
            ```

            ```python check
            assert deadlock_report is not None
            assert "lock_a" in deadlock_report and "lock_b" in deadlock_report
            ```

            ## After

            ```python demo
            print("threads left:", threading.active_count())
            ```
            """)
        XCTAssertTrue(s.lesson.steps[0].demos[0].attributes.deadlock)
        let r = s.runStep(s.lesson.steps[0], check: true, annotate: false)
        XCTAssertEqual(r.demos.first?.outcome, .deadlocked)
        XCTAssertTrue(r.demos.first?.succeeded ?? false)
        XCTAssertEqual(r.checks.map(\.passed), [true], out.text)
        // The report is part of the demo's displayed output.
        XCTAssertTrue(out.text.contains("Deadlock: 2 threads wait for each other in a cycle"), out.text)
        XCTAssertFalse(out.text.contains("Traceback"), out.text)
        // Both threads were stopped; the session goes on.
        let after = s.runDemo(s.lesson.steps[1], annotate: false)
        XCTAssertEqual(after.output, "threads left: 1\n")
    }

    /// A `demo deadlock` that leaves its threads in a cycle of plain Locks without joining them: the
    /// player waits for the detector, and counts as stuck meanwhile (it runs no Python code that could
    /// release a Lock), so the cycle is still reported although main is not blocked in Python.
    func testExpectedDeadlockWithoutJoinIsStillReported() throws {
        let demo = DeadlockDemoTests.deadlockingDemo.replacingOccurrences(of: "t1.join(); t2.join()", with: "")
        XCTAssertFalse(demo.contains(".join("))
        let (s, out) = try makeSession("""
            ## Deadlock, not joined

            ```python demo deadlock
            \(demo)
            ```

            ```python check
            assert "lock_a" in deadlock_report
            ```
            """)
        let r = s.runStep(s.lesson.steps[0], check: true, annotate: false)
        XCTAssertEqual(r.demos.first?.outcome, .deadlocked, out.text)
        XCTAssertEqual(r.checks.map(\.passed), [true], out.text)
        XCTAssertTrue(out.text.contains("Deadlock: 2 threads wait for each other in a cycle"), out.text)
    }

    func testExpectedDeadlockThatDoesNotHappenFails() throws {
        let (s, _) = try makeSession("""
            ## No deadlock

            ```python demo deadlock
            print("fine")
            ```

            ```python check
            assert deadlock_report is None
            ```
            """)
        let r = s.runStep(s.lesson.steps[0], check: true, annotate: false)
        XCTAssertEqual(r.demos.first?.outcome, .completed)
        XCTAssertFalse(r.demos.first?.succeeded ?? true)
        XCTAssertEqual(r.checks.first?.report,
                       "FAIL syn.md:\(s.lesson.steps[0].demos[0].line): demo was expected to deadlock but finished")
    }

    func testUnexpectedDeadlockFailsTheDemo() throws {
        let (s, out) = try makeSession("""
            ## Oops

            ```python demo
            \(DeadlockDemoTests.deadlockingDemo)
            ```

            ```python check
            assert True
            ```
            """)
        let r = s.runStep(s.lesson.steps[0], check: true, annotate: false)
        XCTAssertEqual(r.demos.first?.outcome, .deadlocked)
        XCTAssertEqual(r.checks.first?.report, "FAIL syn.md:\(s.lesson.steps[0].demos[0].line): demo deadlocked")
        XCTAssertTrue(out.text.contains("Deadlock: 2 threads"), out.text)
    }

    func testUnknownDemoFlagStillRejected() {
        XCTAssertThrowsError(try parseLesson("""
            ## S

            ```python demo sometimes
            print(1)
            ```
            """))
    }

    /// Interrupting a demo (its time limit, as Ctrl-C does) stops all of its threads, wherever they are
    /// blocked: on a lock, a join, a condition, sleeping or spinning.
    func testInterruptStopsEveryThreadOfTheDemo() throws {
        let (s, _) = try makeSession("""
            ## Stuck in every way

            ```python demo timeout=1
            import threading, time
            held = threading.Lock()
            held.acquire()
            cond = threading.Condition()
            ready = threading.Barrier(6)

            def on_lock():
                ready.wait()
                held.acquire()

            def on_condition():
                with cond:
                    ready.wait()
                    cond.wait()

            def sleeping():
                ready.wait()
                time.sleep(60)

            def spinning():
                ready.wait()
                while True:
                    pass

            locker = threading.Thread(target=on_lock)
            def joining():
                ready.wait()
                locker.join()

            for f in (on_condition, sleeping, spinning, joining):
                threading.Thread(target=f).start()
            locker.start()
            ready.wait()
            print("all", threading.active_count(), "threads are stuck")
            time.sleep(60)
            ```
            """)
        let t0 = Date()
        let d = s.runDemo(s.lesson.steps[0], annotate: false)
        XCTAssertEqual(d.outcome, .timedOut(1))
        XCTAssertEqual(d.output, "all 6 threads are stuck\n")
        XCTAssertLessThan(Date().timeIntervalSince(t0), 8)
        XCTAssertEqual(s.interpreter.liveVMs.count, 1, "threads still alive after the demo was stopped")
    }

    /// Ctrl-C itself (`LessonSession.interrupt`, as the REPL's SIGINT watcher calls it).
    func testCtrlCStopsThreadsBlockedOnLocks() throws {
        let (s, _) = try makeSession("""
            ## Stuck

            ```python demo timeout=30
            import threading, time
            gate = threading.Lock()
            gate.acquire()
            # A sleeping thread could still wake the others: not a deadlock, only Ctrl-C ends this.
            workers = [threading.Thread(target=time.sleep, args=(60,))]
            workers += [threading.Thread(target=gate.acquire) for _ in range(3)]
            for w in workers:
                w.start()
            print("waiting", flush=True)
            gate.acquire()
            ```
            """)
        let session = s
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { session.interrupt() }
        let d = s.runDemo(s.lesson.steps[0], annotate: false)
        XCTAssertEqual(d.outcome, .interrupted)
        XCTAssertEqual(s.interpreter.liveVMs.count, 1)
    }
}
