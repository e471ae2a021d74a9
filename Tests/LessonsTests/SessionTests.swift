import XCTest
import Foundation
import Runtime
import Engine
@testable import Lessons

func parseLesson(_ body: String, path: String = "syn.md") throws -> Lesson {
    try LessonLoader.parse(lessonText(body), file: URL(fileURLWithPath: "/tmp/" + path), path: path)
}

final class SessionTests: XCTestCase {
    func makeSession(_ body: String) throws -> (LessonSession, CapturingSink) {
        let out = CapturingSink()
        let lesson = try parseLesson(body)
        return (LessonSession(lesson: lesson, output: out, errorOutput: out, colour: false), out)
    }

    func testNavigationAndRender() throws {
        let (s, _) = try makeSession("""
            ## First

            Some **prose**.

            ```python demo name=hello
            print("hi")
            ```

            ```python check
            assert "hi" in demo_output
            ```

            ```python
            shown_only()
            ```

            > A note
            > on two lines.

            ## Second

            ```python demo
            print(2)
            ```
            """)
        XCTAssertEqual(s.stepCount, 2)
        XCTAssertEqual(s.currentStep.title, "First")
        XCTAssertFalse(s.prev())
        XCTAssertTrue(s.next())
        XCTAssertEqual(s.currentNumber, 2)
        XCTAssertFalse(s.next())
        XCTAssertFalse(s.goto(3))
        XCTAssertTrue(s.goto(1))
        XCTAssertEqual(s.currentIndex, 0)
        let text = s.render(s.currentStep)
        XCTAssertEqual(text, """
            Step 1/2 · First

            Some **prose**.

              ▶ demo hello
                print("hi")

              ✓ check
                assert "hi" in demo_output

              (shown, not run)
                shown_only()

            │ A note
            │ on two lines.

            """)
        XCTAssertEqual(s.renderNotes(s.currentStep), "│ A note\n│ on two lines.\n")
        XCTAssertFalse(s.render(s.currentStep, includeNotes: false).contains("│ A note"))
        s.colour = true
        XCTAssertTrue(s.render(s.currentStep).contains("\u{1B}[1mStep 1/2 · First\u{1B}[0m"))
    }

    func testDemoOutputStdinAndChecks() throws {
        let (s, out) = try makeSession("""
            ## S

            ```python demo stdin="alex\\nbo\\n"
            name = input(">> ")
            second = input()
            print("hello,", name)
            try:
                input()
            except EOFError:
                print("eof")
            ```

            ```python check
            assert name == "alex" and second == "bo"
            assert demo_output == ">> hello, alex\\neof\\n", repr(demo_output)
            ```

            ```python check
            assert name == "bob", "wrong name"
            ```

            ```python check
            1 / 0
            ```
            """)
        let step = s.currentStep
        let d = s.runDemo(step, annotate: false)
        XCTAssertEqual(d.outcome, .completed)
        XCTAssertEqual(d.output, ">> hello, alex\neof\n")
        XCTAssertTrue(out.text.hasPrefix(">> alex\nbo\nhello, alex\neof\n"), out.text)
        let results = s.runChecks(step)
        XCTAssertEqual(results.count, 3)
        XCTAssertEqual(results[0].status, .passed)
        XCTAssertEqual(results[0].report, "PASS syn.md:20")
        XCTAssertEqual(results[1].status, .failed("AssertionError: wrong name (line 26: assert name == \"bob\", \"wrong name\")"))
        XCTAssertEqual(results[1].report, "FAIL syn.md:25: AssertionError: wrong name (line 26: assert name == \"bob\", \"wrong name\")")
        XCTAssertEqual(results[2].status, .errored("ZeroDivisionError: division by zero (line 30: 1 / 0)"))
        XCTAssertTrue(results[2].traceback?.contains("File \"syn.md\", line 30") ?? false, results[2].traceback ?? "")
    }

    func testAnnotatedDemoOutput() throws {
        let (s, out) = try makeSession("""
            ## S

            ```python demo
            import threading
            print("from main")
            def w():
                print("from worker")
            t = threading.Thread(target=w, name="worker-1")
            t.start(); t.join()
            print("partial", end="")
            ```
            """)
        let d = s.runDemo(s.currentStep, annotate: true)
        XCTAssertEqual(d.outcome, .completed)
        XCTAssertEqual(d.output, "from main\nfrom worker\npartial")
        let lines = out.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, out.text)
        XCTAssertTrue(lines[0].hasSuffix(" MainThread │ from main"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix(" worker-1   │ from worker"), lines[1])
        XCTAssertTrue(lines[2].hasSuffix(" MainThread │ partial"), lines[2])
        XCTAssertTrue(out.text.hasSuffix("\n"))
    }

    func testExceptionDoesNotEndTheSession() throws {
        let (s, out) = try makeSession("""
            ## S

            ```python demo
            x = 41
            def f():
                raise ValueError("bad value")
            f()
            ```

            ```python check
            assert x == 41
            ```

            ## T

            ```python demo
            x += 1
            print(x)
            ```

            ```python check
            assert x == 42
            ```
            """)
        let d = s.runDemo(s.lesson.steps[0], annotate: false)
        XCTAssertEqual(d.outcome, .raised("ValueError: bad value"))
        XCTAssertTrue(out.text.contains("Traceback (most recent call last):"), out.text)
        XCTAssertTrue(out.text.contains("File \"syn.md\", line 13, in f"), out.text)
        XCTAssertTrue(out.text.contains("raise ValueError(\"bad value\")"), out.text)
        let c = s.runChecks(s.lesson.steps[0])
        XCTAssertEqual(c.map(\.report), ["FAIL syn.md:10: demo raised ValueError: bad value",
                                         "FAIL syn.md:17: not run: its demo failed"])
        let d2 = s.runDemo(s.lesson.steps[1], annotate: false)
        XCTAssertEqual(d2.outcome, .completed)
        XCTAssertEqual(d2.output, "42\n")
        XCTAssertEqual(s.runChecks(s.lesson.steps[1]).map(\.passed), [true])
    }

    func testTimeout() throws {
        let (s, out) = try makeSession("""
            ## S

            ```python demo timeout=0.3
            n = 0
            while True:
                n += 1
            ```

            ```python check
            assert n > 0
            ```

            ## T

            ```python demo
            print("still alive")
            ```
            """)
        let t0 = Date()
        let d = s.runDemo(s.lesson.steps[0], annotate: false)
        XCTAssertEqual(d.outcome, .timedOut(0.3))
        XCTAssertLessThan(Date().timeIntervalSince(t0), 3)
        XCTAssertTrue(out.text.contains("demo timed out after 0.3s"), out.text)
        XCTAssertEqual(s.runChecks(s.lesson.steps[0]).first?.report, "FAIL syn.md:10: demo timed out after 0.3s")
        // The interrupt does not leak into the next demo.
        XCTAssertEqual(s.runDemo(s.lesson.steps[1], annotate: false).outcome, .completed)
    }

    /// The main thread blocked in join() on a thread that never ends: the time limit still stops the demo.
    func testTimeoutWhileJoining() throws {
        let (s, _) = try makeSession("""
            ## S

            ```python demo timeout=0.5
            import threading, time
            stop = False
            def spin():
                while not stop:
                    time.sleep(0.01)
            t = threading.Thread(target=spin, name="spinner", daemon=True)
            t.start()
            t.join()
            ```

            ## T

            ```python demo
            stop = True
            t.join()
            print("spinner stopped:", not t.is_alive())
            ```
            """)
        let t0 = Date()
        XCTAssertEqual(s.runDemo(s.lesson.steps[0], annotate: true).outcome, .timedOut(0.5))
        XCTAssertLessThan(Date().timeIntervalSince(t0), 3)
        let d = s.runDemo(s.lesson.steps[1], annotate: false)
        XCTAssertEqual(d.outcome, .completed)
        XCTAssertEqual(d.output, "spinner stopped: True\n")
    }

    func testSometimesRetries() throws {
        let (s, out) = try makeSession("""
            ## S

            ```python demo
            runs = globals().get("runs", 0) + 1
            ```

            ```python check sometimes tries=4
            assert runs >= 3, "not yet"
            ```

            ## T

            ```python demo
            runs = 0
            ```

            ```python check sometimes tries=2
            assert runs > 5, "never"
            ```
            """)
        let r = s.runStep(s.lesson.steps[0], check: true, annotate: false)
        XCTAssertEqual(r.checks.map(\.report), ["PASS syn.md:14 (after 3 tries)"])
        XCTAssertEqual(r.checks.first?.tries, 3)
        XCTAssertTrue(out.text.contains("RETRY syn.md:14: AssertionError: not yet"), out.text)
        let r2 = s.runStep(s.lesson.steps[1], check: true, annotate: false)
        XCTAssertEqual(r2.checks.map(\.passed), [false])
        XCTAssertEqual(r2.checks.first?.tries, 2)
    }

    func testEditedDemoCode() throws {
        let (s, _) = try makeSession("""
            ## S

            ```python demo
            print("original")
            ```
            """)
        let d = s.runDemo(s.currentStep, annotate: false, code: "print('edited')\n")
        XCTAssertEqual(d.output, "edited\n")
        XCTAssertEqual(s.module.dict.getStr("demo_output").flatMap { ($0.asObject as? PyStr)?.value }, "edited\n")
    }
}

final class PlayerTests: XCTestCase {
    func testSyntheticLessonSummary() throws {
        let lesson = try parseLesson("""
            ## Passing and failing

            ```python demo
            import threading
            seen = []
            t = threading.Thread(target=lambda: seen.append(1))
            t.start(); t.join()
            print("seen", seen)
            ```

            ```python check
            assert seen == [1]
            ```

            ```python check
            assert seen == [2], "a false claim"
            ```

            > A note.
            """)
        let out = CapturingSink()
        let ok = Player.play(lessons: [lesson], check: true, output: out, colour: false)
        XCTAssertFalse(ok)
        let lines = out.text.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("PASS syn.md:18"), out.text)
        XCTAssertTrue(lines.contains("FAIL syn.md:22: AssertionError: a false claim (line 23: assert seen == [2], \"a false claim\")"), out.text)
        XCTAssertTrue(lines.contains("## Passing and failing"), out.text)
        XCTAssertTrue(lines.contains { $0.hasSuffix("MainThread │ seen [1]") }, out.text)
        XCTAssertTrue(lines.contains("│ A note."), out.text)
        XCTAssertEqual(lines.last { !$0.isEmpty }, "1 passed, 1 failed")
    }

    func testMalformedLessonFailsThePlay() throws {
        let out = CapturingSink()
        let problem = LessonProblem(file: "bad.md", line: 3, message: "code fence is never closed")
        let ok = Player.play(lessons: [], problems: [problem], check: true, output: out, colour: false)
        XCTAssertFalse(ok)
        XCTAssertTrue(out.text.contains("bad.md:3: code fence is never closed\n"))
        XCTAssertTrue(out.text.hasSuffix("0 passed, 0 failed\n"), out.text)
    }

    /// The real lessons, every claim checked, as `interleave play --check` does.
    /// (04 and 05 use the `gil=` and `deadlock` demo attributes: they load once the loader knows them.)
    func testRealLessonsPass() throws {
        let (lessons, problems) = LessonLoader.loadAll(directory: lessonsDirectory)
        XCTAssertEqual(problems.map(\.description), [])
        let chosen = lessons.filter { ["concepts", "threads", "locks"].contains($0.id) }
        XCTAssertEqual(chosen.count, 3)
        let out = CapturingSink()
        // Debug builds on a busy machine are slow: allow each demo more than its 10 s default.
        let ok = Player.play(lessons: chosen, check: true, output: out, colour: false, timeoutScale: 6)
        let lines = out.text.components(separatedBy: "\n")
        let fails = lines.filter { $0.hasPrefix("FAIL ") }
        XCTAssertEqual(fails, [], out.text)
        XCTAssertEqual(lines.last { !$0.isEmpty }, "38 passed, 0 failed", out.text)
        XCTAssertTrue(ok)
    }
}
