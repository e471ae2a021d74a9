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
