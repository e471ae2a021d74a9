import XCTest
import Runtime
import Engine
@testable import Trace

/// The views on a real interpreter: events arrive through the hub, the recorder sees real threads, the
/// GIL derivation holds (peak parallelism 1 with the GIL), and the GIL switches only when it is safe.
/// Assertions are about structure, never about timing.
final class LiveViewsTests: XCTestCase {
    func run(_ interp: Interpreter, _ source: String) throws {
        let code = try interp.compile(source, filename: "<test>", mode: .exec)
        _ = try interp.exec(code, in: interp.mainModule())
        // Joined threads may still be tearing down; they must not outlive the interpreter.
        XCTAssertTrue(source.contains("held.start()") || interp.waitForOtherThreads(timeout: 10))
    }

    /// Main holds L while a worker blocks on it, so there is always one contended acquire: the worker
    /// says it is about to acquire, and main waits for that, then a little more, before releasing.
    static let contention = """
        import threading, time
        L = threading.Lock()
        about_to_acquire = []
        def worker():
            about_to_acquire.append(1)
            with L:
                pass
        L.acquire()
        t = threading.Thread(target=worker, name="worker")
        t.start()
        while not about_to_acquire:
            time.sleep(0.01)
        time.sleep(0.1)
        L.release()
        t.join()
        """

    static let cpuBound = """
        import threading
        def spin():
            n = 0
            for i in range(400000):
                n += i
        ts = [threading.Thread(target=spin) for _ in range(2)]
        for t in ts: t.start()
        for t in ts: t.join()
        """

    func testRecorderSeesAContendedLock() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let rec = TraceRecorder(interpreter: interp)
        rec.start()
        try run(interp, LiveViewsTests.contention)
        let r = rec.stop()
        XCTAssertFalse(interp.traceHub.isActive, "stop unsubscribes")
        let kinds = r.events.map(\.kind)
        XCTAssertTrue(kinds.contains(.threadStart) && kinds.contains(.threadEnd))
        let waits = r.events.filter { $0.kind == .lockWait && $0.threadName == "worker" }
        XCTAssertGreaterThanOrEqual(waits.count, 1)
        XCTAssertTrue(r.events.contains { $0.kind == .lockAcquired && $0.threadName == "worker" })
        XCTAssertEqual(r.events.map(\.time), r.events.map(\.time).sorted())
        let lanes = ThreadStates.lanes(r)
        XCTAssertEqual(lanes.first?.thread.name, "MainThread")
        let worker = try XCTUnwrap(lanes.first { $0.thread.name == "worker" })
        XCTAssertTrue(worker.intervals.contains { $0.state.category == .lock })
        XCTAssertEqual(ThreadStates.peakParallelism(lanes), 1, "one thread at a time with the GIL")
        XCTAssertGreaterThan(r.wallSeconds, 0.1)
        let (problems, stats) = ChromeTraceCheck.check(try ChromeTrace(entries: [.init(r, label: "t")]).jsonData())
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThanOrEqual(stats.flows, 1)
    }

    /// `Thread.start()` waiting for the threading module's own lock (another thread holds it: here on
    /// purpose, in real programs a thread starting up) is machinery: the event says so, and the summary
    /// and notes leave it out, as they leave out a lock the program never made.
    func testStartWaitingForThreadingsOwnLockIsNotALockWait() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let rec = TraceRecorder(interpreter: interp)
        rec.start()
        try run(interp, """
            import threading, time
            holding = threading.Event()
            def hold():
                with threading._active_limbo_lock:
                    holding.set()
                    time.sleep(0.1)
            h = threading.Thread(target=hold)
            h.start()
            holding.wait()
            t = threading.Thread(target=lambda: None)
            t.start()
            t.join(); h.join()
            """)
        let r = rec.stop()
        let waits = r.events.filter { $0.kind == .lockWait && $0.threadName == "MainThread" }
        XCTAssertFalse(waits.isEmpty, "start() waited for the lock the holder thread had")
        XCTAssertTrue(waits.allSatisfy(\.machinery), "\(waits)")
        XCTAssertEqual(waits.first?.object, "threading._active_limbo_lock")
        let summary = RunSummary(r)
        XCTAssertEqual(summary.lockWaits, 0, summary.render(colour: false))
        var narration = Narration()
        let notes = r.events.compactMap { narration.note(for: $0) }
        XCTAssertFalse(notes.contains { $0.contains("_active_limbo_lock") }, "\(notes)")
    }

    func testRecorderKeepsAtMostItsLimit() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let rec = TraceRecorder(interpreter: interp)
        rec.limit = 10
        rec.start()
        try run(interp, LiveViewsTests.contention)
        let r = rec.stop()
        XCTAssertEqual(r.events.count, 10)
        XCTAssertGreaterThan(r.droppedEvents, 0)
        XCTAssertEqual(r.recordedUntil, r.events.last?.time)
    }

    func testWithTheGILCPUBoundThreadsTakeTurns() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let rec = TraceRecorder(interpreter: interp)
        rec.start()
        try run(interp, LiveViewsTests.cpuBound)
        let r = rec.stop()
        XCTAssertTrue(r.gilEnabled)
        let s = RunSummary(r)
        XCTAssertEqual(s.peakParallelism, 1)
        XCTAssertEqual(s.threadsStarted, 2)
        XCTAssertGreaterThan(s.gilSwitches, 0)
        XCTAssertNotNil(s.cpuSeconds)
    }

    func testGILSwitchesOnlyWhenNoOtherThreadRuns() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        XCTAssertTrue(interp.setGIL(false))
        XCTAssertFalse(interp.gil.enabled)
        XCTAssertFalse(interp.options.gil)
        let rec = TraceRecorder(interpreter: interp)
        rec.start()
        try run(interp, LiveViewsTests.cpuBound)
        let r = rec.stop()
        XCTAssertFalse(r.gilEnabled)
        XCTAssertFalse(r.events.contains { [.gilWait, .gilAcquired, .gilDrop].contains($0.kind) })
        // A thread still alive (blocked on a lock main holds) keeps the mode.
        try run(interp, """
            import threading
            M = threading.Lock(); M.acquire()
            held = threading.Thread(target=M.acquire); held.start()
            """)
        XCTAssertEqual(interp.gil.otherThreadCount, 1)
        XCTAssertFalse(interp.setGIL(true))
        XCTAssertFalse(interp.gil.enabled)
        try run(interp, "M.release(); held.join()")
        XCTAssertEqual(interp.gil.otherThreadCount, 0)
        XCTAssertTrue(interp.setGIL(true))
        XCTAssertTrue(interp.gil.enabled)
        // And it still works: threads run and hand the GIL over.
        try run(interp, LiveViewsTests.cpuBound)
        XCTAssertTrue(interp.setGIL(true), "switching to the current mode is a no-op")
    }

    func testHubFansOutAndTheOldSinkStillWorks() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let a = Locked(0), b = Locked(0), legacy = Locked(0)
        XCTAssertNil(interp.eventSink, "nobody listens: tracing is off")
        let ia = interp.traceHub.subscribe { _ in a.withLock { $0 += 1 } }
        XCTAssertNotNil(interp.eventSink, "eventSink != nil means someone listens (the engine's guards rely on it)")
        _ = interp.traceHub.subscribe { _ in b.withLock { $0 += 1 } }
        interp.eventSink = { _ in legacy.withLock { $0 += 1 } }
        try run(interp, "import time\ntime.sleep(0)")
        interp.traceHub.unsubscribe(ia)
        try run(interp, "time.sleep(0)")
        XCTAssertEqual(a.withLock { $0 }, 2, "sleep + sleepDone, then unsubscribed")
        XCTAssertEqual(b.withLock { $0 }, 4)
        XCTAssertEqual(legacy.withLock { $0 }, 4)
        interp.eventSink = nil
        XCTAssertTrue(interp.traceHub.isActive, "removing the single sink leaves the other listener")
        try run(interp, "time.sleep(0)")
        XCTAssertEqual(legacy.withLock { $0 }, 4)
        XCTAssertEqual(b.withLock { $0 }, 6)
    }

    func testNarratorWritesNotesBetweenLines() throws {
        let out = CapturingSink()
        let annotator = AnnotatingSink(target: out, colour: false)
        let interp = Engine.makeInterpreter(stdout: annotator, stderr: annotator.errorSink)
        let observer = RunObserver(interpreter: interp, level: .events, annotator: annotator, traceFile: nil)
        observer.start()
        try run(interp, LiveViewsTests.contention + "\nprint('done')\n")
        annotator.finish()
        let report = observer.finish(label: "t")
        let lines = out.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains(" worker ") && $0.contains("┆ starts") }, out.text)
        // The lock is named by its variable (`L`), as in deadlock reports, not `Lock#N`.
        XCTAssertTrue(lines.contains { $0.contains(" worker ") && $0.contains("┆ waits for lock L held by MainThread") },
                      out.text)
        XCTAssertTrue(lines.contains { $0.contains("┆ got lock L after ") }, out.text)
        XCTAssertTrue(lines.contains { $0.contains("┆ releases lock L; worker is waiting for it") }, out.text)
        XCTAssertFalse(out.text.contains("Lock#"), out.text)
        XCTAssertTrue(lines.last?.hasSuffix("│ done") ?? false, out.text)
        XCTAssertTrue(report.text.contains("peak parallelism 1"), report.text)
        XCTAssertTrue(report.text.contains("(worker on L)"), report.text)
        XCTAssertTrue(report.text.contains("timeline of"), report.text)
    }

    /// Stopping a program's leftover threads (after a deadlock, a time limit or Ctrl-C) releases the
    /// GIL so they can unwind: the stopping thread is waiting then, not running. Before, its lane stayed
    /// "running" while a stopped thread took the GIL, and the summary said peak parallelism 2 under the
    /// GIL. Deterministic: the spinner is waiting for the GIL when main starts stopping it, so it runs
    /// (gets the GIL, unwinds, ends) only inside the stop.
    func testStoppingThreadsUnderTheGILIsNotParallelism() throws {
        let out = CapturingSink()
        let interp = Engine.makeInterpreter(stdout: out, stderr: out)
        XCTAssertTrue(interp.gil.enabled)
        let rec = TraceRecorder(interpreter: interp)
        rec.start()
        let code = try interp.compile("""
            import threading
            started = threading.Event()
            def spin():
                started.set()
                while True:
                    pass
            threading.Thread(target=spin, name="spinner", daemon=True).start()
            started.wait()

            """, filename: "<test>", mode: .exec)
        _ = try interp.exec(code, in: interp.mainModule())
        XCTAssertTrue(ThreadStopper.stopOtherThreads(interp, from: interp.mainVM), out.text)
        let r = rec.stop()
        let lanes = ThreadStates.lanes(r)
        let spinner = try XCTUnwrap(lanes.first { $0.thread.name == "spinner" })
        XCTAssertTrue(spinner.ended)
        let main = try XCTUnwrap(lanes.first { $0.thread.name == "MainThread" })
        XCTAssertTrue(main.intervals.contains { $0.state == .join(ThreadStopper.othersLabel) }, "\(main.intervals)")
        XCTAssertEqual(ThreadStates.peakParallelism(lanes), 1, "\(lanes.map(\.intervals))")
        XCTAssertEqual(RunSummary(r, lanes: lanes).peakParallelism, 1)
    }
}
