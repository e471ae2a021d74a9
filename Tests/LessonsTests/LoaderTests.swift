import XCTest
import Foundation
@testable import Lessons

/// The repository's `Lessons/` folder (two levels above this file's folder).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let lessonsDirectory = repoRoot.appendingPathComponent("Lessons")

/// A lesson body with front matter, for malformed-input tests.
func lessonText(_ body: String, front: String = "id: demo\ntitle: Demo") -> String {
    "---\n\(front)\n---\n\n# Demo\n\n" + body
}

/// Parses `text` as file `t.md`; returns the problems as `t.md:line: message` strings.
func problems(_ text: String) -> [String] {
    do throws(LessonError) {
        _ = try LessonLoader.parse(text, file: URL(fileURLWithPath: "/tmp/t.md"), path: "t.md")
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

final class LoaderTests: XCTestCase {
    func testRealLessonsLoad() throws {
        let (lessons, probs) = LessonLoader.loadAll(directory: lessonsDirectory)
        XCTAssertEqual(probs.map(\.description), [])
        XCTAssertGreaterThanOrEqual(lessons.count, 2)
        let names = lessons.map { $0.url.lastPathComponent }
        XCTAssertEqual(names, names.sorted(), "lessons sorted by file name")
        // 04 and 05 use the `gil=` and `deadlock` demo attributes: they load once the loader knows them.
        for (id, n) in [("concepts", 10), ("threads", 12), ("locks", 16)] {
            let l = try XCTUnwrap(lessons.first { $0.id == id }, id)
            XCTAssertEqual(l.steps.count, n, id)
            XCTAssertEqual(l.demos.count, n, id)
            XCTAssertEqual(l.checks.count, n, id)
            XCTAssertEqual(l.warnings, [], id)
            XCTAssertFalse(l.title.isEmpty)
            XCTAssertNotNil(l.summary)
            for s in l.steps {
                XCTAssertEqual(s.groups.count, 1)
                XCTAssertFalse(s.notes.isEmpty, "\(id) step \(s.number) has a note")
            }
        }
    }

    func testConceptsDetails() throws {
        let l = try LessonLoader.load(file: lessonsDirectory.appendingPathComponent("00-concepts.md"))
        XCTAssertEqual(l.id, "concepts")
        XCTAssertTrue(l.path.hasSuffix("00-concepts.md"))
        XCTAssertEqual(l.steps[0].title, "A process and its main thread (进程与主线程)")
        XCTAssertEqual(l.steps.map(\.number), Array(1...10))
        // Step 7: synchronous blocking, with stdin="alex\n" and a shown `input('>>>>')` block.
        let s7 = l.steps[6]
        XCTAssertEqual(s7.demos[0].attributes.stdin, "alex\n")
        XCTAssertEqual(s7.blocks.filter { $0.kind == .shown }.map(\.text), ["input('>>>>')\n"])
        // Line numbers are 1-based lines of the file.
        let lines = l.source.components(separatedBy: "\n")
        for s in l.steps {
            XCTAssertTrue(lines[s.line - 1].hasPrefix("## "))
            for b in s.blocks where b.isRunnable {
                XCTAssertTrue(lines[b.line - 1].hasPrefix("```python"), "\(b.line)")
                XCTAssertEqual(b.codeLine, b.line + 1)
                XCTAssertEqual(lines[b.codeLine - 1], String(b.text.split(separator: "\n", omittingEmptySubsequences: false)[0]))
            }
        }
    }

    func testAttributes() throws {
        let text = lessonText("""
            ## One

            ```python demo timeout=2.5 stdin="a\\tb\\n\\"q\\"\\\\" name=first
            x = 1
            ```

            ```python check sometimes tries=3 timeout=1
            assert x == 1
            ```

            ```python check sometimes
            assert x
            ```

            > a note
            >
            > more
            """)
        let l = try LessonLoader.parse(text, file: URL(fileURLWithPath: "/tmp/t.md"), path: "t.md")
        let s = l.steps[0]
        XCTAssertEqual(s.demos[0].attributes, BlockAttributes(timeout: 2.5, stdin: "a\tb\n\"q\"\\", name: "first"))
        XCTAssertEqual(s.checks[0].attributes, BlockAttributes(timeout: 1, sometimes: true, tries: 3))
        XCTAssertEqual(s.checks[1].attributes.effectiveTries, 5)
        XCTAssertEqual(s.groups[0].tries, 5)
        XCTAssertEqual(s.notes.map(\.text), ["a note\n\nmore"])
        XCTAssertEqual(s.demos[0].text, "x = 1\n")
    }

    func testMalformedInputs() {
        // An unclosed fence: reported at the opening fence.
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo\nprint(1)\n")),
                       ["t.md:10: code fence is never closed"])
        // No front matter.
        XCTAssertEqual(problems("# Demo\n\n## S\n\n> n\n"),
                       ["t.md:1: missing front matter: the file must start with a '---' line"])
        // Unknown attribute / flag / kind.
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo speed=3\nx = 1\n```\n")),
                       ["t.md:10: unknown demo attribute 'speed'"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo\nx = 1\n```\n\n```python check often\nassert x\n```\n")),
                       ["t.md:14: unknown check flag 'often'"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python run\nx = 1\n```\n")),
                       ["t.md:10: unknown python block kind 'run' (expected demo or check)"])
        // A check before any demo of its step.
        XCTAssertEqual(problems(lessonText("## S\n\n```python check\nassert True\n```\n")),
                       ["t.md:10: python check block with no preceding demo in this step"])
        // Bad tries=.
        let demo = "## S\n\n```python demo\nx = 1\n```\n\n"
        XCTAssertEqual(problems(lessonText(demo + "```python check sometimes tries=x\nassert x\n```\n")),
                       ["t.md:14: tries='x' is not a whole number"])
        XCTAssertEqual(problems(lessonText(demo + "```python check sometimes tries=0\nassert x\n```\n")),
                       ["t.md:14: tries must be positive"])
        XCTAssertEqual(problems(lessonText(demo + "```python check tries=3\nassert x\n```\n")),
                       ["t.md:14: tries= only makes sense on a 'check sometimes' block"])
        XCTAssertEqual(problems(lessonText(demo + "```python check sometimes tries=2.5\nassert x\n```\n")),
                       ["t.md:14: tries='2.5' is not a whole number"])
        // Quoting problems.
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo stdin=\"abc\nx = 1\n```\n")),
                       ["t.md:10: unterminated quoted value for stdin"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo stdin=\"a\\qb\"\nx = 1\n```\n")),
                       ["t.md:10: unknown escape \\q in stdin"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo timeout=1 timeout=2\nx = 1\n```\n")),
                       ["t.md:10: attribute timeout given twice"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo timeout=soon\nx = 1\n```\n")),
                       ["t.md:10: timeout='soon' is not a number"])
        // Demo before the first step; empty demo; missing title; missing steps.
        XCTAssertEqual(problems(lessonText("```python demo\nx = 1\n```\n\n## S\n")),
                       ["t.md:8: python demo block before the first '## ' step"])
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo\n\n```\n")),
                       ["t.md:10: empty python demo block"])
        XCTAssertEqual(problems("---\nid: x\ntitle: X\n---\n\n## S\n"),
                       ["t.md:1: missing '# Title' line before the first step"])
        XCTAssertEqual(problems("---\nid: x\ntitle: X\n---\n\n# X\n"),
                       ["t.md:1: no steps: a lesson needs '## ' headings"])
        // Front matter problems.
        XCTAssertEqual(problems(lessonText("## S\n", front: "id: Demo\ntitle: D")),
                       ["t.md:2: id 'Demo' should be lowercase letters, digits and '-'"])
        XCTAssertEqual(problems(lessonText("## S\n", front: "id: d\ntitle: D\nauthor: me")),
                       ["t.md:4: unknown front matter key 'author'"])
        XCTAssertEqual(problems(lessonText("## S\n", front: "title: D")),
                       ["t.md:3: front matter lacks required key 'id'"])
        XCTAssertEqual(problems("---\nid: d\ntitle: D\n# D\n## S\n"),
                       ["t.md:1: front matter is not closed by a '---' line"])
        // Several problems: all reported, sorted by line.
        XCTAssertEqual(problems(lessonText("## S\n\n```python demo x=1\nx = 1\n```\n\n```python check\nassert x\n```\n# Again\n")),
                       ["t.md:10: unknown demo attribute 'x'", "t.md:14: python check block with no preceding demo in this step",
                        "t.md:17: a '# ' heading after the steps began; use '## ' for a step"])
    }

    func testSyntaxErrorIsReportedAtItsLine() {
        let p = problems(lessonText("## S\n\n```python demo\nx = 1\ny = (\n```\n"))
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p.first?.hasPrefix("t.md:12: syntax error in python demo:") ?? false, "\(p)")
    }

    func testShownBlocksAndOtherLanguages() throws {
        let text = lessonText("## S\n\n```python\nnot run(\n```\n\n```text\nplain\n```\n\n~~~~python demo\nx = 1\n~~~~\n\n> n\n")
        let l = try LessonLoader.parse(text, file: URL(fileURLWithPath: "/tmp/t.md"), path: "t.md")
        XCTAssertEqual(l.steps[0].blocks.map(\.kind), [.shown, .shown, .demo, .note])
        XCTAssertEqual(l.steps[0].blocks.map(\.language), ["python", "text", "python", nil])
    }

    func testLoadAllReportsAndGoesOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = lessonText("## S\n\n```python demo\nx = 1\n```\n\n```python check\nassert x == 1\n```\n\n> n\n")
        try good.write(to: dir.appendingPathComponent("02-good.md"), atomically: true, encoding: .utf8)
        try lessonText("## S\n\n```python demo\nx = 1\n").write(to: dir.appendingPathComponent("01-bad.md"), atomically: true, encoding: .utf8)
        try good.replacingOccurrences(of: "id: demo", with: "id: demo").write(to: dir.appendingPathComponent("03-dup.md"), atomically: true, encoding: .utf8)
        try "not a lesson".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let (lessons, probs) = LessonLoader.loadAll(directory: dir)
        XCTAssertEqual(lessons.map { $0.url.lastPathComponent }, ["02-good.md"])
        XCTAssertEqual(probs.count, 2)
        XCTAssertTrue(probs[0].description.hasSuffix("01-bad.md:10: code fence is never closed"), probs[0].description)
        XCTAssertTrue(probs[1].description.hasSuffix("03-dup.md:2: id 'demo' is also used by \(lessons[0].path)"), probs[1].description)
    }

    func testLocator() throws {
        let found = LessonLocator.defaultDirectory(environment: ["INTERLEAVE_LESSONS": lessonsDirectory.path],
                                                   currentDirectory: URL(fileURLWithPath: "/"), executable: nil)
        XCTAssertEqual(found?.standardizedFileURL.path, lessonsDirectory.standardizedFileURL.path)
        let fromCwd = LessonLocator.defaultDirectory(environment: [:], currentDirectory: repoRoot, executable: nil)
        XCTAssertEqual(fromCwd?.standardizedFileURL.path, lessonsDirectory.standardizedFileURL.path)
        let exe = repoRoot.appendingPathComponent(".build/debug/interleave")
        let fromExe = LessonLocator.defaultDirectory(environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executable: exe)
        XCTAssertEqual(fromExe?.standardizedFileURL.path, lessonsDirectory.standardizedFileURL.path)
        XCTAssertNil(LessonLocator.defaultDirectory(environment: [:], currentDirectory: URL(fileURLWithPath: "/"),
                                                    executable: URL(fileURLWithPath: "/nonexistent/bin/x")))

        let (lessons, _) = LessonLoader.loadAll(directory: lessonsDirectory)
        XCTAssertEqual(LessonLocator.find("threads", in: lessons)?.id, "threads")
        XCTAssertEqual(LessonLocator.find("04", in: lessons)?.id, "threads")
        XCTAssertEqual(LessonLocator.find("4", in: lessons)?.id, "threads")
        XCTAssertEqual(LessonLocator.find("00-concepts.md", in: lessons)?.id, "concepts")
        XCTAssertEqual(LessonLocator.find("Lessons/04-threads.md", in: lessons)?.id, "threads")
        XCTAssertEqual(LessonLocator.find(lessonsDirectory.appendingPathComponent("05-locks.md").path, in: lessons)?.id, "locks")
        XCTAssertNil(LessonLocator.find("nope", in: lessons))
        XCTAssertNil(LessonLocator.find("Lessons/nope.md", in: lessons))
    }

    /// The reference parser (Lessons/tools/verify_cpython.py) and this loader agree on a set of inputs:
    /// the same files load, and malformed ones get the same `line: message` list.
    func testAgreesWithReferenceParser() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { throw XCTSkip("python3 not found: cannot compare with verify_cpython.py") }
        let demo = "## S\n\n```python demo\nx = 1\n```\n\n"
        let cases: [String] = [
            lessonText(demo + "```python check\nassert x\n```\n\n> n\n"),
            lessonText("## S\n\n```python demo\nprint(1)\n"),
            "# Demo\n\n## S\n",
            lessonText("## S\n\n```python demo speed=3 name=\"a b\"\nx = 1\n```\n"),
            lessonText("## S\n\n```python check\nassert True\n```\n"),
            lessonText(demo + "```python check sometimes tries=x\nassert x\n```\n"),
            lessonText(demo + "```python check sometimes tries=-1\nassert x\n```\n"),
            lessonText(demo + "```python check tries=3\nassert x\n```\n"),
            lessonText(demo + "```python check sometimes flaky\nassert x\n```\n"),
            lessonText("## S\n\n```python demo stdin=\"a\\qb\"\nx = 1\n```\n"),
            lessonText("## S\n\n```python demo stdin=\"abc\nx = 1\n```\n"),
            lessonText("## S\n\n```python demo stdin=\nx = 1\n```\n"),
            lessonText("## S\n\n```python demo a=1=2\nx = 1\n```\n"),
            lessonText("## S\n\n```python demo 9x\nx = 1\n```\n"),
            lessonText("## S\n\n````python demo\nx = 1\n```\n````\n"),
            lessonText("## \n\n# Late\n"),
            lessonText("## S\n", front: "id: Demo\ntitle: 'D'\ntitle: again\nsummary:\n# comment\nbad line"),
            "---\nid: d\ntitle: D\n",
            lessonText("## S\n\n```python demo `x`\nx = 1\n```\n"),
            lessonText("## S\n\n   ```python demo\nx = 1\n   ```\n"),
            lessonText("## S\n\n```python demo\nx = (\n```\n"),
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for (i, c) in cases.enumerated() {
            let f = dir.appendingPathComponent(String(format: "case%02d.md", i))
            try c.write(to: f, atomically: true, encoding: .utf8)
            files.append(f.path)
        }
        let script = """
            import sys, importlib.util
            spec = importlib.util.spec_from_file_location("v", sys.argv[1])
            v = importlib.util.module_from_spec(spec); spec.loader.exec_module(v)
            for p in sys.argv[2:]:
                l = v.parse_lesson(p)
                for line, msg in sorted(l.errors):
                    print(f"{line}: {msg}")
                print("--")
            """
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: python)
        proc.arguments = ["-c", script, lessonsDirectory.appendingPathComponent("tools/verify_cpython.py").path] + files
        let pipe = Pipe()
        proc.standardOutput = pipe
        try proc.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        proc.waitUntilExit()
        let expected = String(decoding: data, as: UTF8.self).components(separatedBy: "--\n").dropLast()
        XCTAssertEqual(expected.count, cases.count)
        for (i, f) in files.enumerated() where i < expected.count {
            var mine = ""
            do throws(LessonError) {
                _ = try LessonLoader.load(file: URL(fileURLWithPath: f))
            } catch {
                for p in error.problems { mine += "\(p.line): \(p.message)\n" }
            }
            var theirs = expected[expected.startIndex + i]
            // CPython's own syntax error wording differs from ours; compare only where it was found.
            if theirs.contains("syntax error in python") {
                theirs = theirs.components(separatedBy: "\n").map { $0.components(separatedBy: "syntax error in python").first! }.joined(separator: "\n")
                mine = mine.components(separatedBy: "\n").map { $0.components(separatedBy: "syntax error in python").first! }.joined(separator: "\n")
            }
            XCTAssertEqual(mine, theirs, "case \(i):\n\(cases[i])")
        }
    }
}
