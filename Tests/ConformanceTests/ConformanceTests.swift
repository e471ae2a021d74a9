import Foundation
import XCTest

/// Runs every script in Tests/Conformance/cases through `interleave run` and diffs its stdout (and, for
/// failing scripts, its exit status and last stderr line) against what CPython 3.11 printed
/// (recorded by Tests/Conformance/record.sh and committed).
///
/// `Tests/Conformance/known-failures.txt` lists cases that do not pass yet, one per line with a reason.
/// A listed case that starts passing fails the test too, so the list can only shrink honestly.
final class ConformanceTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let cases = root.appendingPathComponent("Conformance/cases")

    static var engine: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("interleave")
    }

    struct Outcome { var stdout: String; var stderr: String; var status: Int32; var timedOut: Bool }

    static func run(_ script: URL, gil: Bool = true, timeout: TimeInterval = 30,
                    environment extra: [String: String] = [:]) throws -> Outcome {
        let p = Process()
        p.executableURL = engine
        p.arguments = ["run", script.lastPathComponent]
        p.currentDirectoryURL = script.deletingLastPathComponent()
        var env = ProcessInfo.processInfo.environment
        env["PYTHONHASHSEED"] = "0"
        env["NO_COLOR"] = "1"
        env["PYTHON_GIL"] = gil ? "1" : "0"
        env.merge(extra) { _, new in new }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Drain both pipes concurrently so a chatty script cannot block on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline { p.terminate(); timedOut = true; break }
            usleep(2000)
        }
        p.waitUntilExit()
        group.wait()
        return Outcome(stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self),
                       status: p.terminationStatus, timedOut: timedOut)
    }

    /// nil when the case matches CPython, else a description of the first difference.
    static func check(_ name: String, gil: Bool = true) throws -> String? {
        let script = cases.appendingPathComponent(name + ".py")
        let expected = try String(contentsOf: cases.appendingPathComponent(name + ".out"), encoding: .utf8)
        var expectedStatus: Int32 = 0
        var expectedLastLine: String?
        if let status = try? String(contentsOf: cases.appendingPathComponent(name + ".status"), encoding: .utf8) {
            let lines = status.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            expectedStatus = Int32(lines[0]) ?? -1
            if lines.count > 1, !lines[1].isEmpty { expectedLastLine = lines[1] }
        }
        let r = try run(script, gil: gil)
        if r.timedOut { return "timed out" }
        if r.stdout != expected {
            let a = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let got = i < a.count ? String(a[i]) : "<end>"
            let want = i < b.count ? String(b[i]) : "<end>"
            let tail = r.stderr.split(separator: "\n").suffix(3).joined(separator: " | ")
            return "stdout line \(i + 1): got \(got.debugDescription), want \(want.debugDescription); stderr: \(tail)"
        }
        if r.status != expectedStatus {
            return "exit status \(r.status), want \(expectedStatus); stderr: \(r.stderr.split(separator: "\n").suffix(3).joined(separator: " | "))"
        }
        if let want = expectedLastLine {
            let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
            if last != want { return "last stderr line \(last.debugDescription), want \(want.debugDescription)" }
        }
        return nil
    }

    static func knownFailures() -> [String: String] {
        let url = root.appendingPathComponent("Conformance/known-failures.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            out[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return out
    }

    /// Tests/Conformance/engine: scripts that assert engine-specific behaviour and print `ok`.
    func testEngineClaims() throws {
        let dir = Self.root.appendingPathComponent("Conformance/engine")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(scripts.isEmpty)
        // These two claims are about exhausting the native stack. Under ThreadSanitizer, TSan's own
        // shadow stack overflows first (and deallocation of 100,000-link chains is not kept shallow
        // without the optimizer), so they are checked by the normal builds that users and CI run.
        let instrumented = dlsym(dlopen(nil, RTLD_NOW), "__tsan_init") != nil
        for s in scripts {
            if instrumented && (s == "deep_structures.py" || s == "native_recursion.py") { continue }
            let r = try Self.run(dir.appendingPathComponent(s), timeout: 60)
            XCTAssertFalse(r.timedOut, "\(s) timed out")
            XCTAssertEqual(r.status, 0, "\(s): \(r.stderr.suffix(600))")
            XCTAssertEqual(r.stdout, "ok\n", s)
        }
    }

    /// Tests/Conformance/tracebacks: the whole stderr (frames, source lines, `~~^~~` markers, chained
    /// exceptions) must equal CPython's, recorded by the record.sh beside them.
    func testTracebacksMatchCPython() throws {
        let dir = Self.root.appendingPathComponent("Conformance/tracebacks")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertGreaterThanOrEqual(scripts.count, 4)
        for s in scripts {
            let script = dir.appendingPathComponent(s)
            let p = Process()
            p.executableURL = Self.engine
            p.arguments = ["run", script.path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let got = String(decoding: data, as: UTF8.self).replacingOccurrences(of: dir.path, with: "<dir>")
            let want = try String(contentsOf: dir.appendingPathComponent(String(s.dropLast(3)) + ".err"), encoding: .utf8)
            XCTAssertEqual(got, want, s)
        }
    }

    /// `threading` is written in Python (Sources/Engine/Threading/threading.py) and embedded in the
    /// binary as ThreadingSource.swift by generate.sh: the two must not drift apart.
    func testEmbeddedThreadingSourceIsCurrent() throws {
        let dir = Self.root.deletingLastPathComponent().appendingPathComponent("Sources/Engine/Threading")
        let py = try String(contentsOf: dir.appendingPathComponent("threading.py"), encoding: .utf8)
        let swift = try String(contentsOf: dir.appendingPathComponent("ThreadingSource.swift"), encoding: .utf8)
        XCTAssertTrue(swift.contains("#\"\"\"\n" + py + "\"\"\"#"),
                      "ThreadingSource.swift is stale: run Sources/Engine/Threading/generate.sh")
    }

    func testEngineBinaryExists() {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.engine.path), "build the interleave executable first: \(Self.engine.path)")
    }

    func testCasesMatchCPython() throws { try checkAllCases(gil: true) }

    /// The same scripts, free-threaded (`PYTHON_GIL=0`): results must not change, and nothing may crash.
    func testCasesMatchCPythonWithoutGIL() throws { try checkAllCases(gil: false) }

    func checkAllCases(gil: Bool) throws {
        var names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path)
            .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 150, "the conformance suite shrank")
        // CONFORMANCE_ONLY=prefix,prefix…: only those cases (e.g. a ThreadSanitizer run of a few).
        if let only = ProcessInfo.processInfo.environment["CONFORMANCE_ONLY"] {
            let prefixes = only.split(separator: ",").map(String.init)
            names = names.filter { n in prefixes.contains { n.hasPrefix($0) } }
        }
        let known = Self.knownFailures()
        let lock = NSLock()
        var results: [String: String?] = [:]
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let r: String?
            do { r = try Self.check(names[i], gil: gil) } catch { r = "harness error: \(error)" }
            lock.lock(); results[names[i]] = r; lock.unlock()
        }
        var passed = 0
        for name in names {
            let failure = results[name]!
            switch (failure, known[name]) {
            case (nil, nil): passed += 1
            case (nil, .some):
                XCTFail("\(name) now passes: remove it from Tests/Conformance/known-failures.txt")
            case (.some(let f), nil):
                XCTFail("\(name): \(f)")
            case (.some, .some): break
            }
        }
        for k in known.keys where !names.contains(k) { XCTFail("known-failures.txt lists \(k), which is not a case") }
        print("conformance (gil=\(gil ? 1 : 0)): \(passed) of \(names.count) cases match CPython; \(known.count) known failures")
    }
}
