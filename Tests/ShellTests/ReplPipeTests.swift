import XCTest

/// The REPL driven through piped stdin: no prompts, statements run as they complete, reprs printed,
/// tracebacks on stderr without ending the session, meta-commands and lessons.
final class ReplPipeTests: XCTestCase {
    func repl(_ input: String, args: [String] = []) throws -> InterleaveBinary.Result {
        let r = try InterleaveBinary.run(args, input: input)
        XCTAssertFalse(r.timedOut, "the REPL did not finish; stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
        return r
    }

    func testAssignmentsAndExpressionReprs() throws {
        let r = try repl("""
            x = 6 * 7
            x
            'hi'
            None
            [1, 'a', None]
            print('printed')
            _

            """)
        XCTAssertEqual(r.stdout, "42\n'hi'\n[1, 'a', None]\nprinted\n[1, 'a', None]\n")
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.status, 0)
    }

    func testMultiLineDefinitionEndsWithBlankLine() throws {
        let r = try repl("""
            def square(n):
                result = n * n
                return result

            square(9)
            for i in range(3):
                print(i)

            print('done')

            """)
        XCTAssertEqual(r.stdout, "81\n0\n1\n2\ndone\n")
        XCTAssertEqual(r.status, 0)
    }

    func testTracebackDoesNotEndTheSession() throws {
        let r = try repl("""
            def boom():
                return 1 / 0

            boom()
            print('still here')
            x = = 1
            print('and here')
            undefined_name

            """)
        XCTAssertEqual(r.stdout, "still here\nand here\n")
        XCTAssertTrue(r.stderr.contains("Traceback (most recent call last):"), r.stderr)
        XCTAssertTrue(r.stderr.contains("File \"<stdin>\", line 1, in <module>"), r.stderr)
        XCTAssertTrue(r.stderr.contains("File \"<stdin>\", line 2, in boom"), r.stderr)
        XCTAssertTrue(r.stderr.contains("ZeroDivisionError: division by zero"), r.stderr)
        XCTAssertTrue(r.stderr.contains("SyntaxError: invalid syntax"), r.stderr)
        XCTAssertTrue(r.stderr.contains("NameError: name 'undefined_name' is not defined"), r.stderr)
        XCTAssertEqual(r.status, 0)
    }

    func testSysExitEndsTheReplWithItsStatus() throws {
        let r = try repl("""
            print('before')
            import sys; sys.exit(3)
            print('never')

            """)
        XCTAssertEqual(r.stdout, "before\n")
        XCTAssertEqual(r.status, 3)
    }

    func testUnfinishedBlockRunsAtEndOfInput() throws {
        let r = try repl("for i in range(2):\n    print('i', i)")
        XCTAssertEqual(r.stdout, "i 0\ni 1\n")
        XCTAssertEqual(r.status, 0)
    }

    func testInvalidUTF8IsReportedAndTheSessionGoesOn() throws {
        var bytes = Array("x = 1\n".utf8)
        bytes += [0xFF, 0x41, 0x0A]
        bytes += Array("print(x + 1)\n".utf8)
        let r = try InterleaveBinary.run(data: Data(bytes))
        XCTAssertTrue(r.stderr.contains("SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"), r.stderr)
        XCTAssertEqual(r.stdout, "2\n")
        XCTAssertEqual(r.status, 0)
    }

    func testInputReadsTheNextLine() throws {
        let r = try repl("""
            name = input('who? ')
            alice
            name.upper()

            """)
        XCTAssertEqual(r.stdout, "who? 'ALICE'\n")
    }

    func testMetaCommands() throws {
        let r = try repl("""
            :help
            :lessons
            :frobnicate
            :next

            """)
        XCTAssertTrue(r.stdout.contains(":open ID"), r.stdout)
        XCTAssertTrue(r.stdout.contains("concepts"), r.stdout)
        XCTAssertTrue(r.stdout.contains("threads"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Unknown command :frobnicate"), r.stdout)
        XCTAssertTrue(r.stdout.contains("No lesson is open"), r.stdout)
        XCTAssertEqual(r.status, 0)
    }

    func testOpenRunAndInspectALesson() throws {
        let r = try repl("""
            :open 00
            :lessons
            :run
            me.name
            :next
            :show
            :quit
            print('not reached')

            """)
        XCTAssertTrue(r.stdout.contains("Step 1/"), r.stdout)
        XCTAssertTrue(r.stdout.contains("* 00"), "the open lesson is marked:\n\(r.stdout)")
        XCTAssertTrue(r.stdout.contains("this code runs in thread: MainThread"), r.stdout)
        XCTAssertTrue(r.stdout.contains("PASS "), r.stdout)
        XCTAssertFalse(r.stdout.contains("FAIL "), r.stdout)
        // The demo's names are the REPL's names.
        XCTAssertTrue(r.stdout.contains("'MainThread'"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Step 2/"), r.stdout)
        XCTAssertFalse(r.stdout.contains("not reached"))
        XCTAssertEqual(r.status, 0)
    }

    func testOpenUnknownLesson() throws {
        let r = try repl(":open nosuchlesson\n")
        XCTAssertTrue(r.stdout.contains("No lesson matches 'nosuchlesson'"), r.stdout)
    }

    func testResetGivesAFreshNamespace() throws {
        let r = try repl("""
            x = 5
            :reset
            x

            """)
        XCTAssertTrue(r.stdout.contains("Fresh namespace"), r.stdout)
        XCTAssertTrue(r.stderr.contains("NameError: name 'x' is not defined"), r.stderr)
    }
}

/// A deadlock in REPL input: the detector's report is printed, the stuck threads are stopped and the
/// session goes on.
final class ReplDeadlockTests: XCTestCase {
    func testDeadlockReportReturnsToThePrompt() throws {
        // The shared two-lock program (Tests/Fixtures): its last line joins the deadlocked threads.
        let program = try String(contentsOf: InterleaveBinary.repoRoot.appendingPathComponent("Tests/Fixtures/two_locks_deadlock.py"),
                                 encoding: .utf8)
        let r = try InterleaveBinary.run([], input: program + """
            t1.join(); t2.join()
            print('alive', threading.active_count(), lock_a.locked(), lock_b.locked())

            """)
        XCTAssertFalse(r.timedOut, r.stderr)
        XCTAssertTrue(r.stderr.contains("Deadlock: 2 threads wait for each other in a cycle"), r.stderr)
        XCTAssertTrue(r.stderr.contains("holds lock_a and waits for lock_b"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Traceback"), r.stderr)
        XCTAssertEqual(r.stdout, "alive 1 False False\n")
        XCTAssertEqual(r.status, 0)
    }
}
