import ArgumentParser
import Foundation
import Engine
import Runtime
import Trace
import CSupport

/// `interleave run FILE [ARGS]` / `interleave run -c CODE`: like `python3 FILE`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python file (or -c CODE) like python3 does.")

    @Option(name: .customShort("X"), help: ArgumentHelp("Engine option: gil=0|1 (default 1, or $PYTHON_GIL).", valueName: "option"))
    var engineOptions: [String] = []

    @Option(help: ArgumentHelp("off | output | events: gutter with time and thread on each printed line, "
                               + "engine notes (events), then a summary and a timeline. Notes, summary and "
                               + "timeline go to stderr; the gutter only when stdout is a terminal.",
                               valueName: "level"))
    var annotate: String = "off"

    @Option(help: ArgumentHelp("Write a Chrome trace (open in ui.perfetto.dev or chrome://tracing).", valueName: "file"))
    var trace: String?

    @Option(name: .customShort("c"), help: "Program passed in as a string.")
    var command: String?

    @Argument(parsing: .captureForPassthrough, help: "The script and its arguments.")
    var arguments: [String] = []

    func run() throws {
        var options = Interpreter.Options()
        options.gil = try EngineOptions.gilSetting(engineOptions)
        let source: String
        let filename: String
        if let c = command {
            source = c
            filename = "<string>"
            options.argv = ["-c"] + arguments
        } else {
            if let first = arguments.first, first == "--help" || first == "-h" {
                print(Run.helpMessage())
                return
            }
            guard let path = arguments.first else {
                throw ValidationError("give a FILE to run, or -c CODE")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                let msg = "interleave: can't open file '\(path)': [Errno 2] No such file or directory\n"
                FileHandle.standardError.write(msg.data(using: .utf8)!)
                throw ExitCode(2)
            }
            switch Engine.decodeSource(data, filename: path) {
            case .success(let s): source = s
            case .failure(let e):
                FileHandle.standardError.write(e.message.data(using: .utf8)!)
                throw ExitCode(1)
            }
            // Like CPython 3.9+, the main script's traceback entries and __file__ use its absolute path.
            filename = URL(fileURLWithPath: path).standardizedFileURL.path
            options.argv = arguments
        }
        guard let level = AnnotationLevel(argument: annotate) else {
            throw ValidationError("--annotate must be off, output or events")
        }
        let views = RunViews(level: level, traceFile: trace)
        let interp = Engine.makeInterpreter(options: options, stdout: views.stdout, stderr: views.stderr)
        Interrupts.forward(to: interp)
        let observer = views.observer(for: interp)
        observer?.start()
        let status = Runner(interp: interp).runMain(source: source, filename: filename)
        views.finish(observer, label: filename)
        throw ExitCode(status)
    }
}

/// Parses `-X` options.
enum EngineOptions {
    static func gilSetting(_ xs: [String]) throws -> Bool {
        var gil = true
        if let env = ProcessInfo.processInfo.environment["PYTHON_GIL"] {
            guard env == "0" || env == "1" else { throw ValidationError("PYTHON_GIL must be 0 or 1") }
            gil = env == "1"
        }
        for x in xs {
            let parts = x.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first, parts.count == 2 ? parts[1] : nil) {
            case ("gil", "0"): gil = false
            case ("gil", "1"): gil = true
            case ("gil", _): throw ValidationError("-X gil must be 0 or 1")
            default: throw ValidationError("unknown -X option: \(x)")
            }
        }
        return gil
    }
}

/// Ctrl-C: a signal handler sets a flag; a watcher thread turns it into KeyboardInterrupt in the main
/// Python thread at its next safe point (its eval breaker), as CPython does.
enum Interrupts {
    static func forward(to interp: Interpreter) {
        _ = interleave_install_sigint()
        let t = Thread {
            while true {
                if interleave_take_sigint() != 0 { interp.mainVM.requestInterrupt() }
                usleep(20_000)
            }
        }
        t.start()
    }
}
