import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The REPL on a pseudo-terminal, as a learner uses it: prompts, line editing, Tab, Ctrl-C while code
/// runs and at the prompt, Ctrl-D.
final class PtyTests: XCTestCase {
    /// A child process on a PTY whose output is collected as it comes.
    final class PtySession {
        let pid: pid_t
        let master: Int32
        private(set) var output = ""
        let stateHome: String

        init(binary: String, args: [String] = []) throws {
            stateHome = InterleaveBinary.temporaryDirectory()
            let env = InterleaveBinary.environment(stateHome: stateHome).map { "\($0.key)=\($0.value)" }
            // Everything the child needs is prepared before fork: it only calls execve.
            let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + args).map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
            var m: Int32 = -1
            var ws = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
            let child = forkpty(&m, nil, nil, &ws)
            if child == 0 {
                execve(binary, argv, envp)
                _exit(127)
            }
            guard child > 0 else { throw XCTSkip("forkpty failed: errno \(errno)") }
            pid = child
            master = m
        }

        deinit {
            kill(pid, SIGKILL)
            var st: Int32 = 0
            waitpid(pid, &st, 0)
            close(master)
            try? FileManager.default.removeItem(atPath: stateHome)
        }

        func send(_ s: String) {
            let bytes = Array(s.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
        }

        func sendBytes(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
        }

        /// Reads until `text` appears after position `from` (default: anywhere); returns whether it did.
        @discardableResult
        func expect(_ text: String, after from: String.Index? = nil, timeout: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let hay = from.map { String(output[$0...]) } ?? output
                if hay.contains(text) { return true }
                if Date() > deadline { return false }
                pump(0.05)
            }
        }

        /// Reads everything that arrives during `seconds`.
        func drain(_ seconds: Double) {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline { pump(0.05) }
        }

        /// Reads whatever arrives within `seconds`.
        func pump(_ seconds: Double) {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(seconds * 1000)) > 0 else { return }
            var buf = [UInt8](repeating: 0, count: 4096)
            let n = read(master, &buf, buf.count)
            if n > 0 { output += String(decoding: buf[..<n], as: UTF8.self) }
        }

        var mark: String.Index { output.endIndex }

        /// Waits for the child to exit; its exit status, or nil on timeout.
        func waitExit(timeout: Double = 20) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                pump(0.05)
                var st: Int32 = 0
                let r = waitpid(pid, &st, WNOHANG)
                if r == pid {
                    // WIFEXITED / WEXITSTATUS
                    return (st & 0x7f) == 0 ? (st >> 8) & 0xff : -1
                }
            }
            return nil
        }
    }

    func start() throws -> PtySession {
        guard let bin = InterleaveBinary.path else {
            XCTFail("interleave binary not found (build it first, or set INTERLEAVE_BIN)")
            throw XCTSkip("no binary")
        }
        return try PtySession(binary: bin)
    }

    func testPromptResultCtrlCAndCtrlD() throws {
        let s = try start()
        XCTAssertTrue(s.expect(">>> "), "no prompt; got:\n\(s.output)")
        XCTAssertTrue(s.output.contains("Lessons"), "the banner lists the lessons:\n\(s.output)")

        var m = s.mark
        s.send("x = 40 + 2\r")
        XCTAssertTrue(s.expect(">>> ", after: m))
        m = s.mark
        s.send("x\r")
        XCTAssertTrue(s.expect("42\r\n>>> ", after: m), "no result; got:\n\(s.output)")

        // Ctrl-C while code runs: KeyboardInterrupt in the running code, and the prompt returns.
        m = s.mark
        s.send("while True: pass\r")
        XCTAssertTrue(s.expect("... ", after: m))
        s.send("\r")
        s.drain(0.5)
        m = s.mark
        s.send("\u{03}")
        XCTAssertTrue(s.expect("KeyboardInterrupt", after: m), "no KeyboardInterrupt; got:\n\(s.output)")
        XCTAssertTrue(s.expect(">>> ", after: m), "no new prompt; got:\n\(s.output)")

        // The session goes on.
        m = s.mark
        s.send("x + 1\r")
        XCTAssertTrue(s.expect("43", after: m), "got:\n\(s.output)")
        XCTAssertTrue(s.expect(">>> ", after: m))

        // Ctrl-C at the prompt cancels the line.
        m = s.mark
        s.send("abc")
        XCTAssertTrue(s.expect("abc", after: m))
        s.send("\u{03}")
        XCTAssertTrue(s.expect("KeyboardInterrupt", after: m), "got:\n\(s.output)")
        XCTAssertTrue(s.expect(">>> ", after: m))

        // Ctrl-D exits with status 0 (after a newline, without echoing `^D`).
        s.drain(0.2)
        m = s.mark
        s.send("\u{04}")
        XCTAssertEqual(s.waitExit(), 0, "got:\n\(s.output)")
        XCTAssertFalse(s.output[m...].contains("^D"), "got:\n\(s.output)")
    }

    func testTabCompletionHistoryAndInvalidUTF8() throws {
        let s = try start()
        XCTAssertTrue(s.expect(">>> "))
        var m = s.mark
        s.send("counter_value = 7\r")
        XCTAssertTrue(s.expect(">>> ", after: m))

        // Tab completes a name (libedit redraws only what changed: `alue`).
        m = s.mark
        s.send("counter_v\t")
        XCTAssertTrue(s.expect("alue", after: m), "no completion; got:\n\(s.output)")
        XCTAssertFalse(s.output[m...].contains("\u{07}"), "a unique completion does not beep")
        s.send("\r")
        XCTAssertTrue(s.expect("7\r\n>>> ", after: m), "got:\n\(s.output)")

        // Two Tabs list the candidates when there is no common prefix to add.
        m = s.mark
        s.send("import threading\r")
        XCTAssertTrue(s.expect(">>> ", after: m))
        m = s.mark
        s.send("threading.Th\t\t")
        XCTAssertTrue(s.expect("ThreadError(", after: m), "no candidate list; got:\n\(s.output)")
        s.send("\u{15}")   // Ctrl-U: kill the line

        // Tab completes a meta-command.
        m = s.mark
        s.send(":hel\t\r")
        XCTAssertTrue(s.expect(":open ID", after: m), "got:\n\(s.output)")
        XCTAssertTrue(s.expect(">>> ", after: m))

        // Up-arrow recalls earlier lines (:help, import threading, counter_value).
        m = s.mark
        s.send("\u{1B}[A\u{1B}[A\u{1B}[A\r")
        XCTAssertTrue(s.expect("7\r\n>>> ", after: m), "history recall failed; got:\n\(s.output)")

        // Bytes that are not UTF-8: an error, and the REPL goes on.
        m = s.mark
        s.sendBytes([0xFF, 0x0D])
        XCTAssertTrue(s.expect("can't decode byte 0xff", after: m), "got:\n\(s.output)")
        XCTAssertTrue(s.expect(">>> ", after: m))
        m = s.mark
        s.send("counter_value * 2\r")
        XCTAssertTrue(s.expect("14\r\n>>> ", after: m), "got:\n\(s.output)")

        // (Keys typed before the editor has set the terminal up are read in the terminal's cooked mode,
        // where Ctrl-D is not a character: give it a moment, as a person would.)
        s.drain(0.2)
        s.send("\u{04}")
        XCTAssertEqual(s.waitExit(), 0)

        // Each entry was written to the history file as it was entered.
        let history = try String(contentsOfFile: s.stateHome + "/interleave/history", encoding: .utf8)
        XCTAssertTrue(history.contains("counter_value = 7\n"), history)
        XCTAssertTrue(history.contains("counter_value * 2\n"), history)
    }
}
