import XCTest

/// The `interleave` command line around the REPL: `lessons`, `play`, `--version`, `--help`.
final class CLITests: XCTestCase {
    func testVersionAndHelp() throws {
        let v = try InterleaveBinary.run(["--version"], input: "")
        XCTAssertTrue(v.stdout.hasPrefix("interleave "), v.stdout)
        XCTAssertEqual(v.status, 0)
        let h = try InterleaveBinary.run(["--help"], input: "")
        for sub in ["repl", "run", "lessons", "play"] {
            XCTAssertTrue(h.stdout.contains(sub), "--help mentions \(sub):\n\(h.stdout)")
        }
        XCTAssertEqual(h.status, 0)
    }

    func testLessonsListsIdsTitlesAndSteps() throws {
        let r = try InterleaveBinary.run(["lessons"], input: "")
        XCTAssertTrue(r.stdout.contains("00-concepts"), r.stdout)
        XCTAssertTrue(r.stdout.contains("concepts"), r.stdout)
        XCTAssertTrue(r.stdout.contains("threads"), r.stdout)
        XCTAssertTrue(r.stdout.contains(" steps)"), r.stdout)
    }

    func testLessonsReportsMalformedFilesWithFileAndLine() throws {
        let dir = InterleaveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "---\nid: good\ntitle: Good\n---\n\n# Good\n\n## One\n\nText.\n\n```python demo\nprint(1)\n```\n"
            .write(toFile: dir + "/01-good.md", atomically: true, encoding: .utf8)
        try "no front matter here\n".write(toFile: dir + "/02-bad.md", atomically: true, encoding: .utf8)
        let r = try InterleaveBinary.run(["lessons", "--lessons", dir], input: "")
        XCTAssertTrue(r.stdout.contains("good"), r.stdout)
        XCTAssertTrue(r.stderr.contains("02-bad.md:1:"), r.stderr)
        XCTAssertEqual(r.status, 1)
    }

    func testPlayNeedsLessonsOrAll() throws {
        let r = try InterleaveBinary.run(["play"], input: "")
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--all"), r.stderr)
    }

    func testPlayWithChecks() throws {
        let dir = InterleaveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            ---
            id: counting
            title: Counting with a thread
            ---

            # Counting

            ## A thread counts

            Text.

            ```python demo
            import threading
            hits = []
            t = threading.Thread(target=lambda: hits.append(1))
            t.start(); t.join()
            print("hits:", len(hits))
            ```

            ```python check
            assert hits == [1]
            assert "hits: 1" in demo_output
            ```

            > A note.

            """.write(toFile: dir + "/01-counting.md", atomically: true, encoding: .utf8)
        let r = try InterleaveBinary.run(["play", "counting", "--check", "--lessons", dir], input: "")
        XCTAssertTrue(r.stdout.contains("hits: 1"), r.stdout)
        XCTAssertTrue(r.stdout.contains("PASS "), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 passed, 0 failed"), r.stdout + r.stderr)
        XCTAssertEqual(r.status, 0)

        let missing = try InterleaveBinary.run(["play", "nosuch", "--lessons", dir], input: "")
        XCTAssertTrue(missing.stdout.contains("no such lesson"), missing.stdout)
        XCTAssertEqual(missing.status, 1)
    }

    /// `play --annotate off|output|events`, as `run` has: output (the default) puts the gutter on demo
    /// lines and a summary after each demo; events adds engine notes; off (= --plain) prints plainly.
    func testPlayAnnotateLevels() throws {
        let dir = InterleaveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            ---
            id: joining
            title: Joining a thread
            ---

            # Joining

            ## A thread

            ```python demo
            import threading
            t = threading.Thread(target=lambda: None, name="helper")
            t.start(); t.join()
            print("joined")
            ```

            """.write(toFile: dir + "/01-joining.md", atomically: true, encoding: .utf8)
        func play(_ extra: [String]) throws -> InterleaveBinary.Result {
            let r = try InterleaveBinary.run(["play", "joining", "--lessons", dir] + extra, input: "")
            XCTAssertFalse(r.timedOut)
            return r
        }
        let byDefault = try play([])
        XCTAssertEqual(byDefault.status, 0, byDefault.stdout + byDefault.stderr)
        XCTAssertTrue(byDefault.stdout.contains("MainThread │ joined"), byDefault.stdout)
        XCTAssertTrue(byDefault.stdout.contains("peak parallelism"), byDefault.stdout)
        XCTAssertFalse(byDefault.stdout.contains("┆"), byDefault.stdout)

        let events = try play(["--annotate", "events"])
        XCTAssertEqual(events.status, 0, events.stdout + events.stderr)
        XCTAssertTrue(events.stdout.contains("MainThread │ joined"), events.stdout)
        XCTAssertTrue(events.stdout.contains("┆"), events.stdout)
        XCTAssertTrue(events.stdout.contains("waits for helper to finish (join)"), events.stdout)
        XCTAssertTrue(events.stdout.contains("peak parallelism"), events.stdout)

        let output = try play(["--annotate", "output"])
        XCTAssertEqual(output.status, 0)
        XCTAssertTrue(output.stdout.contains("MainThread │ joined"), output.stdout)
        XCTAssertFalse(output.stdout.contains("┆"), output.stdout)

        for off in [["--annotate", "off"], ["--plain"]] {
            let r = try play(off)
            XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
            XCTAssertTrue(r.stdout.contains("\njoined\n"), r.stdout)
            XCTAssertFalse(r.stdout.contains("│"), r.stdout)
            XCTAssertFalse(r.stdout.contains("peak parallelism"), r.stdout)
        }

        let bad = try play(["--annotate", "loud"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--annotate must be off, output or events"), bad.stderr)
        let both = try play(["--annotate", "events", "--plain"])
        XCTAssertNotEqual(both.status, 0)
    }

    func testPlayFailsWhenACheckFails() throws {
        let dir = InterleaveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            ---
            id: wrong
            title: A wrong claim
            ---

            # Wrong

            ## Step

            Text.

            ```python demo
            x = 1
            ```

            ```python check
            assert x == 2, "x is not 2"
            ```

            """.write(toFile: dir + "/01-wrong.md", atomically: true, encoding: .utf8)
        let r = try InterleaveBinary.run(["play", "--all", "--check", "--lessons", dir], input: "")
        XCTAssertTrue(r.stdout.contains("FAIL "), r.stdout)
        XCTAssertEqual(r.status, 1)
    }
}
