import Foundation
import XCTest

/// The deadlock detector end to end (`interleave run`): deadlocked programs get a report on stderr that
/// names the threads, the locks and the lines, within a bounded time, and exit with status 1; programs
/// that only look stuck for a while (timeouts, sleeps, contention, RLock re-entry) get none.
///
/// The deadlocks are made deterministic with Barriers and Events (both threads surely hold their first
/// lock before asking for the second); nothing relies on sleeping and hoping.
final class DeadlockTests: XCTestCase {
    /// Report time bound: the detector needs ~0.6 s; debug builds and a loaded machine get slack.
    static let bound: TimeInterval = 8

    struct Result { var stdout: String; var stderr: String; var status: Int32; var seconds: Double }

    func run(_ source: String, gil: Bool = true, timeout: TimeInterval = 30) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deadlock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("prog.py")
        try source.write(to: script, atomically: true, encoding: .utf8)
        let t0 = Date()
        let r = try ConformanceTests.run(script, gil: gil, timeout: timeout)
        XCTAssertFalse(r.timedOut, "the program hung: \(r.stderr)")
        return Result(stdout: r.stdout, stderr: r.stderr, status: r.status, seconds: Date().timeIntervalSince(t0))
    }

    /// A program that must not be taken for a deadlock: no report, status 0, exactly `stdout`.
    func assertNoDeadlock(_ r: Result, stdout: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.stderr.contains("Deadlock"), r.stderr, file: file, line: line)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stdout, stdout, r.stderr, file: file, line: line)
    }

    /// 1-based line of the first line containing `marker` (after `after` if given).
    static func line(of marker: String, in source: String, after: String? = nil) -> Int {
        let lines = source.components(separatedBy: "\n")
        var start = 0
        if let a = after, let i = lines.firstIndex(where: { $0.contains(a) }) { start = i + 1 }
        guard let i = lines[start...].firstIndex(where: { $0.contains(marker) }) else {
            XCTFail("no \(marker) in the script"); return -1
        }
        return i + 1
    }

    /// The report line about `thread` (each stuck thread gets one line).
    func reportLine(_ stderr: String, thread: String) -> String {
        stderr.components(separatedBy: "\n").first { $0.hasPrefix("  \(thread) ") } ?? ""
    }

    /// The two-lock program shared with the lessons and REPL tests (`Tests/Fixtures/two_locks_deadlock.py`).
    static let twoLocks: String = {
        let url = ConformanceTests.root.appendingPathComponent("Fixtures/two_locks_deadlock.py")
        guard let s = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing \(url.path)") }
        return s
    }()

    func checkTwoLocks(gil: Bool) throws {
        let src = DeadlockTests.twoLocks
        let r = try run(src, gil: gil)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(r.seconds, DeadlockTests.bound)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("Deadlock: 2 threads wait for each other in a cycle"), r.stderr)
        let one = reportLine(r.stderr, thread: "Thread-1 (first)")
        let two = reportLine(r.stderr, thread: "Thread-2 (second)")
        XCTAssertTrue(one.contains("holds lock_a and waits for lock_b"), r.stderr)
        XCTAssertTrue(one.hasSuffix("prog.py:\(Self.line(of: "with lock_b:", in: src, after: "def first"))"), r.stderr)
        XCTAssertTrue(two.contains("holds lock_b and waits for lock_a"), r.stderr)
        XCTAssertTrue(two.hasSuffix("prog.py:\(Self.line(of: "with lock_a:", in: src, after: "def second"))"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").contains("waits to join Thread-1 (first) at"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").hasSuffix("prog.py:\(Self.line(of: "t1.join()", in: src))"),
                      r.stderr)
        XCTAssertFalse(r.stderr.contains("Traceback"), r.stderr)
    }

    func testTwoLocksOppositeOrder() throws { try checkTwoLocks(gil: true) }
    func testTwoLocksOppositeOrderFreeThreaded() throws { try checkTwoLocks(gil: false) }

    func testThreeThreadCycle() throws {
        let src = """
            import threading
            a = threading.Lock()
            b = threading.RLock()
            c = threading.Lock()
            locks = [a, b, c]
            everyone = threading.Barrier(3)

            def work(i):
                with locks[i]:
                    everyone.wait()
                    with locks[(i + 1) % 3]:
                        pass

            ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()

            """
        let r = try run(src, gil: false)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(r.seconds, DeadlockTests.bound)
        XCTAssertTrue(r.stderr.contains("Deadlock: 3 threads wait for each other in a cycle"), r.stderr)
        let at = "prog.py:\(Self.line(of: "with locks[(i + 1) % 3]:", in: src))"
        for (i, held, wanted) in [(1, "a", "b"), (2, "b", "c"), (3, "c", "a")] {
            let l = reportLine(r.stderr, thread: "Thread-\(i) (work)")
            XCTAssertTrue(l.contains("holds \(held) and waits for \(wanted) at"), r.stderr)
            XCTAssertTrue(l.hasSuffix(at), r.stderr)
        }
    }

    /// Two threads in a cycle of plain Locks while a third thread (`rescuer`) is not blocked. Any thread
    /// may release a Lock, and the rescuer does, after the cycle has stood for well over the detector's
    /// confirmation time: not a deadlock, the program finishes. `wait` is how the rescuer passes that time.
    static func lockCycleWithRescuer(wait: String) -> String {
        """
        import threading, time
        lock_a = threading.Lock()
        lock_b = threading.Lock()
        everyone = threading.Barrier(3)

        def first():
            lock_a.acquire()
            everyone.wait()
            with lock_b:               # held by second
                print("first got lock_b")

        def second():
            lock_b.acquire()
            everyone.wait()
            with lock_a:               # held by first, until the rescuer releases it
                print("second got lock_a")
            lock_b.release()

        def rescuer():
            everyone.wait()
            \(wait)
            lock_a.release()           # a Lock has no owner: any thread may release it

        ts = [threading.Thread(target=f, name=f.__name__) for f in (first, second, rescuer)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print("done")

        """
    }

    func checkRescued(_ src: String, gil: Bool) throws {
        let r = try run(src, gil: gil)
        assertNoDeadlock(r, stdout: "second got lock_a\nfirst got lock_b\ndone\n")
    }

    /// The rescuer runs (a busy loop, never blocked) for 2 s while the cycle stands.
    func testLockCycleWithARunningThreadIsNotADeadlock() throws {
        let spin = """
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline:
                pass
            """.replacingOccurrences(of: "\n", with: "\n    ")
        try checkRescued(Self.lockCycleWithRescuer(wait: spin), gil: true)
    }

    /// The rescuer sleeps (a timed wait can end by itself) for 1.5 s while the cycle stands.
    func testLockCycleWithASleepingThreadIsNotADeadlock() throws {
        try checkRescued(Self.lockCycleWithRescuer(wait: "time.sleep(1.5)"), gil: false)
    }

    /// A thread that has just got an RLock but waits for the GIL is not stuck. Here the GIL's holder is in
    /// one long native step (a big power: no safe point, no hand-over) for over a second. The detector
    /// used to see the waiter still "waiting" for the RLock, now owned by itself: a cycle of one, reported
    /// as "a thread waits for itself" (any slow GIL hand-over, as on a loaded machine, opens that window).
    /// The sleep only makes sure `wants_r` is blocked on the RLock when main releases it; without it the
    /// program is just as healthy, and the test would pass without reaching the old false report.
    func testWaitingForTheGILAfterGettingAnRLockIsNotADeadlock() throws {
        let src = """
            import threading, time
            r = threading.RLock()

            def wants_r():
                with r:
                    print("got r")

            r.acquire()
            t = threading.Thread(target=wants_r, name="wants_r")
            t.start()
            time.sleep(0.3)
            r.release()                # wants_r takes r, then waits for the GIL...
            x = 7 ** 6000000           # ...which main keeps for over a second (one native step)
            t.join()
            print("done")

            """
        // The big power takes ~1.5 s in a debug build but ~30 s under ThreadSanitizer: a long limit.
        let r = try run(src, gil: true, timeout: 180)
        assertNoDeadlock(r, stdout: "got r\ndone\n")
    }

    /// Only its owner can release an RLock: a cycle of RLocks is a deadlock even while another thread
    /// runs (the report stops that thread too).
    func testRLockCycleWithARunningThreadIsADeadlock() throws {
        let src = """
            import threading, time
            r_a = threading.RLock()
            r_b = threading.RLock()
            everyone = threading.Barrier(3)

            def first():
                with r_a:
                    everyone.wait()
                    with r_b:
                        print("first got both")

            def second():
                with r_b:
                    everyone.wait()
                    with r_a:
                        print("second got both")

            def busy():
                everyone.wait()
                deadline = time.monotonic() + 20
                while time.monotonic() < deadline:
                    pass
                print("busy ran out of time")

            ts = [threading.Thread(target=f, name=f.__name__) for f in (first, second, busy)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()

            """
        let r = try run(src)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(r.seconds, DeadlockTests.bound)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("Deadlock: 2 threads wait for each other in a cycle"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "first").contains("holds r_a and waits for r_b"), r.stderr)
    }

    /// Main joins T while T waits for a lock main holds: a cycle through a join.
    func testJoinCycle() throws {
        let src = """
            import threading
            guard = threading.Lock()
            started = threading.Event()

            def worker():
                started.set()
                with guard:
                    print("worker got the lock")

            guard.acquire()
            t = threading.Thread(target=worker, name="worker")
            t.start()
            started.wait()
            t.join()

            """
        let r = try run(src)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(r.seconds, DeadlockTests.bound)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("Deadlock: 2 threads wait for each other in a cycle"), r.stderr)
        let m = reportLine(r.stderr, thread: "MainThread")
        XCTAssertTrue(m.contains("holds guard and waits to join worker at"), r.stderr)
        XCTAssertTrue(m.hasSuffix("prog.py:\(Self.line(of: "t.join()", in: src))"), r.stderr)
        let w = reportLine(r.stderr, thread: "worker")
        XCTAssertTrue(w.contains("waits for guard at"), r.stderr)
        XCTAssertTrue(w.hasSuffix("prog.py:\(Self.line(of: "with guard:", in: src))"), r.stderr)
    }

    /// Everyone blocked on a Condition nobody will notify: no cycle, but nothing can wake anyone.
    func testConditionNobodyNotifies() throws {
        let src = """
            import threading
            cond = threading.Condition()
            items = []

            def consumer():
                with cond:
                    while not items:
                        cond.wait()

            t = threading.Thread(target=consumer, name="consumer")
            t.start()
            t.join()

            """
        let r = try run(src, gil: false)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(r.seconds, DeadlockTests.bound)
        XCTAssertTrue(r.stderr.contains("Deadlock: every thread is waiting and nothing can wake them."), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "consumer").contains("waits on Condition cond at"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "consumer").hasSuffix("prog.py:\(Self.line(of: "cond.wait()", in: src))"),
                      r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").contains("waits to join consumer at"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").hasSuffix("prog.py:\(Self.line(of: "t.join()", in: src))"),
                      r.stderr)
    }

    /// A non-reentrant Lock taken twice by the only thread.
    func testSelfDeadlockOnLock() throws {
        let src = """
            import threading
            lock = threading.Lock()
            lock.acquire()
            print("first acquire")
            lock.acquire()
            print("never printed")

            """
        let r = try run(src)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "first acquire\n")
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").contains("waits for lock (which it holds itself) at"),
                      r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").hasSuffix("prog.py:5"), r.stderr)
    }

    /// Waits with a timeout can end by themselves: never a deadlock, even when everything else waits.
    func testWaitsWithTimeoutAreNotDeadlocks() throws {
        let src = """
            import threading
            lock = threading.Lock()
            lock.acquire()

            def waiter():
                print("acquired:", lock.acquire(timeout=1.2))

            t = threading.Thread(target=waiter)
            t.start()
            t.join()
            cond = threading.Condition()
            with cond:
                print("notified:", cond.wait(timeout=1.0))
            print("event:", threading.Event().wait(1.0))

            """
        let r = try run(src, gil: false)
        assertNoDeadlock(r, stdout: "acquired: False\nnotified: False\nevent: False\n")
    }

    /// RLock re-entry by its owner, and contention between threads, are not deadlocks.
    func testRLockReentryIsNotADeadlock() throws {
        let src = """
            import threading
            r = threading.RLock()
            total = 0

            def add(n):
                global total
                with r:
                    with r:
                        total += n

            def work():
                for _ in range(2000):
                    add(1)

            with r:
                with r:
                    ts = [threading.Thread(target=work) for _ in range(3)]
                    for t in ts:
                        t.start()
            for t in ts:
                t.join()
            print(total)

            """
        let r = try run(src, gil: false)
        assertNoDeadlock(r, stdout: "6000\n")
    }

    /// A busy but healthy program (heavy lock contention, a producer/consumer on a Condition, a joiner
    /// waiting for a sleeping thread) runs for a few detector periods and never gets a report.
    func testBusyProgramNeverReported() throws {
        let src = """
            import threading, time
            lock = threading.Lock()
            count = 0
            cond = threading.Condition()
            queue = []

            def bump():
                global count
                for _ in range(20000):
                    with lock:
                        count += 1

            def producer():
                for i in range(200):
                    with cond:
                        queue.append(i)
                        cond.notify()
                    time.sleep(0.002)
                with cond:
                    queue.append(None)
                    cond.notify()

            def consumer():
                got = 0
                while True:
                    with cond:
                        while not queue:
                            cond.wait()
                        item = queue.pop(0)
                    if item is None:
                        break
                    got += 1
                print("consumed", got)

            def sleeper():
                time.sleep(1.5)

            ts = [threading.Thread(target=bump) for _ in range(4)]
            ts += [threading.Thread(target=consumer), threading.Thread(target=producer)]
            ts.append(threading.Thread(target=sleeper))
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            print("count", count)

            """
        for gil in [true, false] {
            let r = try run(src, gil: gil)
            assertNoDeadlock(r, stdout: "consumed 200\ncount 80000\n")
        }
    }

    /// The main thread ended; at exit threading waits for a non-daemon thread stuck for good.
    func testStuckAtExit() throws {
        let src = """
            import threading
            never = threading.Event()
            t = threading.Thread(target=never.wait, name="waiter")
            t.start()
            print("main done")

            """
        let r = try run(src)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "main done\n")
        XCTAssertTrue(reportLine(r.stderr, thread: "MainThread").contains("waits to join waiter at exit"), r.stderr)
        XCTAssertTrue(reportLine(r.stderr, thread: "waiter").contains("waits on Event never"), r.stderr)
    }
}

/// When the OS refuses a thread (simulated with INTERLEAVE_MAX_THREADS, as root ignores `ulimit -u`):
/// RuntimeError("can't start new thread") as in CPython, the thread is not left in threading's tables,
/// and the program goes on.
final class ThreadLimitTests: XCTestCase {
    func testRefusedThreadIsARuntimeError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("prog.py")
        try """
            import threading
            stop = threading.Event()
            threads = []
            try:
                for i in range(10000):
                    t = threading.Thread(target=stop.wait)
                    t.start()
                    threads.append(t)
            except RuntimeError as e:
                print("RuntimeError:", e)
            print("started", len(threads), "active", threading.active_count())
            stop.set()
            for t in threads:
                t.join()
            print("active", threading.active_count())

            """.write(to: script, atomically: true, encoding: .utf8)
        for gil in [true, false] {
            let r = try ConformanceTests.run(script, gil: gil, environment: ["INTERLEAVE_MAX_THREADS": "40"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, "RuntimeError: can't start new thread\nstarted 40 active 41\nactive 1\n")
        }
    }
}
