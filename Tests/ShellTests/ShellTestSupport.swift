import Foundation
import XCTest

/// Locating and running the built `interleave` binary for the end-to-end tests.
enum InterleaveBinary {
    /// The repository root (this file is `Tests/ShellTests/ShellTestSupport.swift`).
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$INTERLEAVE_BIN`, or `interleave` next to the test bundle (`.build/debug/`), or in the repository's
    /// `.build/debug`.
    static var path: String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["INTERLEAVE_BIN"], fm.isExecutableFile(atPath: env) { return env }
        var dirs: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        dirs.append(Bundle.main.bundleURL)
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for b in Bundle.allBundles { dirs.append(b.bundleURL.deletingLastPathComponent()) }
        dirs.append(repoRoot.appendingPathComponent(".build/debug"))
        for d in dirs {
            let p = d.appendingPathComponent("interleave").path
            if fm.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static var lessonsDirectory: String { repoRoot.appendingPathComponent("Lessons").path }

    /// An environment for a test run: the repository's lessons, a private history folder, no colour.
    static func environment(stateHome: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["INTERLEAVE_LESSONS"] = lessonsDirectory
        env["XDG_STATE_HOME"] = stateHome
        env["NO_COLOR"] = "1"
        env["TERM"] = "xterm"
        env.removeValue(forKey: "PYTHON_GIL")
        return env
    }

    static func temporaryDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-shell-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var timedOut: Bool
    }

    /// Runs `interleave ARGS` with `input` piped to stdin.
    static func run(_ args: [String] = [], input: String, timeout: Double = 60,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        try run(args, data: Data(input.utf8), timeout: timeout, file: file, line: line)
    }

    /// Runs `interleave ARGS` with the bytes `data` piped to stdin.
    static func run(_ args: [String] = [], data: Data, timeout: Double = 60,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard let bin = path else {
            XCTFail("interleave binary not found (build it first, or set INTERLEAVE_BIN)", file: file, line: line)
            throw XCTSkip("no binary")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        p.environment = environment(stateHome: state)
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.set(outPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.set(errPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        inPipe.fileHandleForWriting.write(data)
        try? inPipe.fileHandleForWriting.close()
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            p.terminate()
            _ = group.wait(timeout: .now() + 5)
        }
        p.waitUntilExit()
        return Result(stdout: String(decoding: outBox.get(), as: UTF8.self), stderr: String(decoding: errBox.get(), as: UTF8.self),
                      status: p.terminationStatus, timedOut: timedOut)
    }
}

/// Data filled in by a reader thread.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
