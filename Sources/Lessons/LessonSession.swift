import Foundation
import Synchronization
import Runtime
import Engine
import Trace

/// One learner's (or the player's) run through a lesson: a step cursor and one Python namespace.
///
/// All demos and checks of the lesson run in one module named `__main__` (fresh per session, installed as
/// `sys.modules["__main__"]`), in order, on the interpreter's main VM, so later steps see what earlier ones
/// defined, as in the CPython verifier. Use a session from the thread that created its interpreter (the
/// interpreter's main thread).
///
/// The session installs its own sinks as the interpreter's `stdout`/`stderr` for its whole life: while a
/// demo runs they capture stdout (for `demo_output`) and echo through an `AnnotatingSink`; otherwise they
/// pass text straight to `output`/`errorOutput`. Code the shell runs itself in `module` (a learner's
/// experiment) therefore prints normally.
///
/// Between demos the calling thread still holds the interpreter's GIL. A shell waiting for the learner's
/// input should wait inside `interpreter.mainVM.allowThreads { … }`, so threads a demo left running go on.
public final class LessonSession {
    public let lesson: Lesson
    public let interpreter: Interpreter
    /// The lesson's namespace (`__main__`).
    public let module: PyModule
    /// Where demo output, tracebacks and session messages go.
    public let output: OutputSink
    public let errorOutput: OutputSink
    /// ANSI colour in `render` and annotated output.
    public var colour: Bool
    /// Multiplies every time limit (`timeout=` and the 10 s default), e.g. for slow debug builds.
    public var timeoutScale: Double = 1
    /// 0-based index of the current step.
    public private(set) var currentIndex = 0
    /// What the last run of each demo printed, by the demo's line (checks read it as `demo_output`).
    public private(set) var lastDemoResults: [Int: DemoResult] = [:]

    /// How annotated demos are annotated (`runDemo(…, annotate: true)`): the time/thread gutter
    /// (`output`, the default), plus engine notes (`events`); `off` shows plain output.
    public var annotation: AnnotationLevel = .output
    /// Show a summary and a timeline after each annotated demo (the REPL and `play` turn this on).
    public var showsRunViews = false
    /// Record every demo into this Chrome trace file (REPL `:trace FILE`).
    public var traceFile: ChromeTraceFile?
    /// Columns the timeline may use.
    public var timelineWidth = 80
    /// Why the last demo's trace could not be written, if it could not.
    public private(set) var traceError: String?

    private let router: DemoRouter

    /// - Parameters:
    ///   - lesson: the lesson to run.
    ///   - interpreter: the interpreter to run it in; nil makes a fresh one with `Engine.makeInterpreter`.
    ///     Call on the thread that owns the interpreter.
    ///   - output: where demo output goes (default: the process's stdout).
    ///   - errorOutput: where tracebacks go (default: `output` when given, else the process's stderr).
    ///   - colour: ANSI colour; nil means `Terminal.colourEnabled(fd: 1)` for the default output, else false.
    public init(lesson: Lesson, interpreter: Interpreter? = nil, output: OutputSink? = nil,
                errorOutput: OutputSink? = nil, colour: Bool? = nil) {
        self.lesson = lesson
        let out = output ?? FileDescriptorSink(fd: 1)
        let err = errorOutput ?? (output ?? FileDescriptorSink(fd: 2))
        self.output = out
        self.errorOutput = err
        self.colour = colour ?? (output == nil ? Terminal.colourEnabled(fd: 1) : false)
        let interp = interpreter ?? Engine.makeInterpreter(stdout: out, stderr: err)
        self.interpreter = interp
        let router = DemoRouter(output: out, errorOutput: err)
        self.router = router
        interp.stdout = router.stdoutSink
        interp.stderr = router.stderrSink
        let m = PyModule(name: "__main__")
        m.dict.setStr("__builtins__", .object(interp.builtins))
        m.dict.setStr("__doc__", .none)
        interp.modules.setStr("__main__", .object(m))
        self.module = m
    }

    /// As `init(lesson:interpreter:…)`, with the interpreter made by `interpreterFactory`.
    public convenience init(lesson: Lesson, interpreterFactory: () -> Interpreter, output: OutputSink? = nil,
                            errorOutput: OutputSink? = nil, colour: Bool? = nil) {
        self.init(lesson: lesson, interpreter: interpreterFactory(), output: output, errorOutput: errorOutput,
                  colour: colour)
    }

    // MARK: - the step cursor

    public var stepCount: Int { lesson.steps.count }
    public var currentStep: Step { lesson.steps[currentIndex] }
    /// 1-based number of the current step.
    public var currentNumber: Int { currentIndex + 1 }

    /// Moves to the next step; false (and no move) at the last one.
    @discardableResult
    public func next() -> Bool {
        guard currentIndex + 1 < stepCount else { return false }
        currentIndex += 1
        return true
    }

    /// Moves to the previous step; false (and no move) at the first one.
    @discardableResult
    public func prev() -> Bool {
        guard currentIndex > 0 else { return false }
        currentIndex -= 1
        return true
    }

    /// Moves to step `number` (1-based, as shown to the learner); false when out of range.
    @discardableResult
    public func goto(_ number: Int) -> Bool {
        guard number >= 1 && number <= stepCount else { return false }
        currentIndex = number - 1
        return true
    }

    // MARK: - rendering

    /// The step for a terminal: bold heading (`Step 2/8 · Title`), prose, code blocks indented and
    /// labelled (demo / check / "(shown, not run)"), notes prefixed `│` (when `includeNotes`).
    public func render(_ step: Step, includeNotes: Bool = true) -> String {
        LessonRenderer(colour: colour).render(step, of: lesson, includeNotes: includeNotes)
    }

    /// The lesson's title, summary and introduction (the prose before the first step).
    public func renderIntro() -> String {
        LessonRenderer(colour: colour).renderIntro(lesson)
    }

    /// Just the step's `>` notes (shown after a demo's output); empty when it has none.
    public func renderNotes(_ step: Step) -> String {
        LessonRenderer(colour: colour).renderNotes(step)
    }

    // MARK: - running demos

    /// Runs the step's demo (every demo of the step, in order, stopping at the first that fails) in the
    /// lesson's namespace. Output is echoed to `output` (annotated with time and thread when `annotate`)
    /// and captured for the checks' `demo_output`. `stdin=` feeds `input()` (end of file without it).
    /// A demo running past its `timeout=` (default 10 s; `timeout` overrides) is interrupted. An uncaught
    /// exception is printed as a traceback to `errorOutput`; the session goes on.
    ///
    /// - Parameter code: replaces the code of the step's first demo (the learner edited it).
    /// - Returns: the last demo's result (the failing one if any); `.noDemo` when the step has none.
    @discardableResult
    public func runDemo(_ step: Step, annotate: Bool = true, code: String? = nil,
                        timeout: Double? = nil) -> DemoResult {
        let demos = step.demos
        guard !demos.isEmpty else { return DemoResult(block: nil, outcome: .noDemo, output: "") }
        var last = DemoResult(block: nil, outcome: .noDemo, output: "")
        for (i, demo) in demos.enumerated() {
            last = runDemo(block: demo, annotate: annotate, code: i == 0 ? code : nil, timeout: timeout)
            if !last.succeeded { break }
        }
        return last
    }

    /// Runs one demo block (see `runDemo(_:annotate:code:timeout:)`).
    @discardableResult
    public func runDemo(block: Block, annotate: Bool = true, code: String? = nil,
                        timeout: Double? = nil) -> DemoResult {
        let capture = CapturingSink()
        let level: AnnotationLevel = annotate ? annotation : .off
        let annotator = level.annotatesOutput ? AnnotatingSink(target: output, errorTarget: errorOutput, colour: colour) : nil
        let display: OutputSink = annotator ?? output
        let displayErr: OutputSink = annotator?.errorSink ?? errorOutput
        router.begin(capture: capture, display: display, displayError: displayErr)
        let savedStdin = interpreter.stdin
        interpreter.stdin = LessonInput(block.attributes.stdin ?? "", router: router)
        let limit = timeout ?? block.attributes.effectiveTimeout * timeoutScale
        let gilSwitch = switchGIL(for: block)
        let observer = RunObserver(interpreter: interpreter, notes: level == .events ? annotator : nil,
                                   summary: showsRunViews && level.showsSummary, traceFile: traceFile,
                                   width: timelineWidth, colour: colour)
        observer.start()
        let started = Date()
        interpreter.deadlockReport.withLock { $0 = nil }
        interpreter.mainVM.evalBreaker.bitwiseAnd(~VM.breakAbort, ordering: .relaxed)
        let run: RunOutcome
        if case .refused(let why) = gilSwitch {
            run = .raised(PyBaseException.make(.runtimeError, why), "RuntimeError: \(why)\n")
        } else if let edited = code {
            run = execute(edited, codeLine: 1, filename: "<demo>", timeout: limit)
        } else {
            run = execute(block.code, codeLine: block.codeLine, filename: lesson.path, timeout: limit)
        }
        if block.attributes.deadlock, run.isOK {
            // A demo expected to deadlock may end while its threads are stuck (it did not join them):
            // give the detector time to see them.
            awaitDeadlockReport(seconds: 2)
        }
        let duration = Date().timeIntervalSince(started)
        let deadlock = interpreter.deadlockReport.withLock { $0 }
        if deadlock != nil || run.wasStopped {
            // Interrupted, out of time or deadlocked: stop the demo's other threads too, so nothing of it
            // runs on behind the prompt (and the next demo starts clean).
            ThreadStopper.stopOtherThreads(interpreter, from: interpreter.mainVM)
        }
        interpreter.stdin = savedStdin
        annotator?.finish()
        router.end()
        let report = observer.finish(label: block.attributes.name ?? "\(lesson.id) line \(block.line)")
        traceError = report.traceError
        if case .switched(let previous) = gilSwitch, !interpreter.setGIL(previous) {
            errorOutput.write(paint("the GIL stays \(previous ? "off" : "on"): threads of this demo are still running\n",
                                    Terminal.ANSI.yellow), from: nil)
        }
        let text = capture.text
        if !annotate && !text.isEmpty && !text.hasSuffix("\n") { output.write("\n", from: nil) }

        var outcome = DemoResult.Outcome.completed
        var traceback: String?
        switch run {
        case _ where deadlock != nil:
            // The detector printed its report (on the demo's stderr) and stopped the threads.
            outcome = .deadlocked
            if !block.attributes.deadlock {
                errorOutput.write(paint("the demo deadlocked and was stopped\n", Terminal.ANSI.yellow), from: nil)
            }
        case .ok:
            if block.attributes.deadlock {
                errorOutput.write(paint("this demo was expected to deadlock, but it finished\n", Terminal.ANSI.yellow),
                                  from: nil)
            }
        case .timedOut:
            outcome = .timedOut(limit)
            errorOutput.write(paint("demo timed out after \(formatSeconds(limit)) and was interrupted\n",
                                    Terminal.ANSI.yellow), from: nil)
        case .raised(let exc, let tb):
            traceback = tb
            errorOutput.write(tb, from: nil)
            if exc.isInstance(of: .keyboardInterrupt) {
                outcome = .interrupted
            } else {
                outcome = .raised(interpreter.mainVM.exceptionLine(exc))
            }
        }
        if !report.text.isEmpty { output.write(report.text, from: nil) }
        if let e = report.traceError { errorOutput.write(paint(e + "\n", Terminal.ANSI.yellow), from: nil) }
        output.flush()
        errorOutput.flush()
        let result = DemoResult(block: block, outcome: outcome, output: text, traceback: traceback, duration: duration,
                                deadlockReport: deadlock)
        lastDemoResults[block.line] = result
        module.dict.setStr("demo_output", .str(text))
        module.dict.setStr("deadlock_report", deadlock.map { .str($0) } ?? .none)
        return result
    }

    /// Waits (GIL released) until the deadlock detector reports, other threads are gone, or `seconds` pass.
    private func awaitDeadlockReport(seconds: Double) {
        let vm = interpreter.mainVM!
        let deadline = Date(timeIntervalSinceNow: seconds)
        ThreadStopper.waitingForOthers(vm) {
            while Date() < deadline, interpreter.deadlockReport.withLock({ $0 }) == nil,
                  interpreter.liveVMs.contains(where: { $0 !== vm }) {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    // MARK: - running checks

    /// Runs the step's checks, each group's after its demo: a demo not run yet in this session is run
    /// first (annotated). A failed demo makes its checks `notRun` and adds a failing entry for the demo
    /// itself (as the CPython verifier counts it). When `retry` and only `sometimes` checks failed, the
    /// demo and its checks run again, up to `tries` times in all; each result records the tries used.
    public func runChecks(_ step: Step, retry: Bool = true, annotate: Bool = true) -> [CheckResult] {
        var results: [CheckResult] = []
        for group in step.groups {
            let demoResult = lastDemoResults[group.demo.line] ?? runDemo(block: group.demo, annotate: annotate)
            results += runGroupChecks(group, demoResult: demoResult, retry: retry, annotate: annotate)
        }
        return results
    }

    /// Runs the step's demos and (when `check`) their checks, group by group, retrying `sometimes`
    /// groups. This is what `Player` does for each step.
    public func runStep(_ step: Step, check: Bool, annotate: Bool = true) -> StepResult {
        var result = StepResult(step: step, demos: [], checks: [])
        for group in step.groups {
            let d = runDemo(block: group.demo, annotate: annotate)
            result.demos.append(d)
            if check {
                result.checks += runGroupChecks(group, demoResult: d, retry: true, annotate: annotate)
            }
        }
        return result
    }

    private func runGroupChecks(_ group: DemoGroup, demoResult: DemoResult, retry: Bool,
                                annotate: Bool) -> [CheckResult] {
        let tries = retry ? group.tries : 1
        var attempt = 1
        var demo = demoResult
        while true {
            let results = checkOnce(group, demo: demo, attempt: attempt)
            let failed = results.filter { !$0.passed }
            let retryable = !failed.isEmpty && failed.allSatisfy { r in
                r.block.kind == .check && r.block.attributes.sometimes
            }
            if failed.isEmpty || !retryable || attempt >= tries { return results }
            for r in failed {
                output.write(paint("RETRY \(r.location): \(r.message ?? "")\n", Terminal.ANSI.yellow), from: nil)
            }
            attempt += 1
            output.write(paint("── try \(attempt)/\(tries) ──\n", Terminal.ANSI.dim), from: nil)
            demo = runDemo(block: group.demo, annotate: annotate)
        }
    }

    /// One pass over a group's checks after its demo ran (`demo` is that run).
    private func checkOnce(_ group: DemoGroup, demo: DemoResult, attempt: Int) -> [CheckResult] {
        if let why = demo.failureMessage {
            var out = [CheckResult(block: group.demo, file: lesson.path, status: .failed(why), tries: attempt)]
            for c in group.checks {
                out.append(CheckResult(block: c, file: lesson.path, status: .notRun("not run: its demo failed"),
                                       tries: attempt))
            }
            return out
        }
        module.dict.setStr("demo_output", .str(demo.output))
        module.dict.setStr("deadlock_report", demo.deadlockReport.map { .str($0) } ?? .none)
        var out: [CheckResult] = []
        for c in group.checks {
            out.append(runCheck(c, tries: attempt))
        }
        return out
    }

    /// Runs one check block in the namespace (its output goes to `output`, not captured).
    public func runCheck(_ check: Block, tries: Int = 1) -> CheckResult {
        router.begin(capture: nil, display: output, displayError: errorOutput)
        let savedStdin = interpreter.stdin
        interpreter.stdin = LessonInput("", router: router)
        let limit = check.attributes.effectiveTimeout * timeoutScale
        let run = execute(check.code, codeLine: check.codeLine, filename: lesson.path, timeout: limit)
        interpreter.stdin = savedStdin
        router.end()
        switch run {
        case .ok:
            return CheckResult(block: check, file: lesson.path, status: .passed, tries: tries)
        case .timedOut:
            return CheckResult(block: check, file: lesson.path,
                               status: .errored("check timed out after \(formatSeconds(limit))"), tries: tries)
        case .raised(let exc, let tb):
            let why = describe(exc)
            if exc.isInstance(of: .assertionError) {
                return CheckResult(block: check, file: lesson.path, status: .failed(why), tries: tries)
            }
            return CheckResult(block: check, file: lesson.path, status: .errored(why), traceback: tb, tries: tries)
        }
    }

    // MARK: - running code in the namespace

    /// Asks the running demo or check to stop (KeyboardInterrupt at its next safe point): Ctrl-C.
    public func interrupt() {
        interpreter.mainVM.requestInterrupt()
    }

    enum RunOutcome {
        case ok
        case timedOut
        case raised(PyBaseException, String)

        var isOK: Bool { if case .ok = self { return true } else { return false } }

        /// Ended from outside: the time limit or Ctrl-C (a demo that raised on its own keeps its threads).
        var wasStopped: Bool {
            switch self {
            case .ok: return false
            case .timedOut: return true
            case .raised(let e, _): return e.isInstance(of: .keyboardInterrupt)
            }
        }
    }

    /// Compiles `code` (placed at `codeLine` of `filename`, so tracebacks point into the lesson file) and
    /// runs it in `module` under a watchdog.
    private func execute(_ code: String, codeLine: Int, filename: String, timeout: Double) -> RunOutcome {
        let vm = interpreter.mainVM!
        let padded = String(repeating: "\n", count: max(0, codeLine - 1)) + code
        let dog = Watchdog(seconds: timeout, vm: vm)
        var outcome = RunOutcome.ok
        do {
            let compiled = try interpreter.compile(padded, filename: filename, mode: .exec)
            if filename == lesson.path {
                // Tracebacks show lines of the whole lesson file, whichever block defined the function.
                interpreter.registerSource(lesson.source, filename: filename)
            }
            _ = try interpreter.exec(compiled, in: module)
        } catch let e as PyError {
            outcome = .raised(e.exception, vm.formatException(e.exception))
        } catch {
            let exc = PyBaseException.make(.runtimeError, "internal error: \(error)")
            outcome = .raised(exc, "internal error: \(error)\n")
        }
        dog.cancel()
        if dog.fired {
            // A KeyboardInterrupt the code did not live to see must not hit the next block.
            vm.evalBreaker.bitwiseAnd(~VM.breakInterrupt, ordering: .relaxed)
            if case .raised(let exc, _) = outcome, exc.isInstance(of: .keyboardInterrupt) { return .timedOut }
            if case .ok = outcome { return .ok }
            return outcome
        }
        return outcome
    }

    /// `AssertionError: message (line N: source)`: the reason in one line, with the innermost traceback
    /// line inside the lesson file (as the CPython verifier words it).
    func describe(_ exc: PyBaseException) -> String {
        var where_ = ""
        for t in exc.traceback where t.filename == lesson.path {
            let src = sourceLine(t.line).trimmingCharacters(in: .whitespaces)
            where_ = src.isEmpty ? " (line \(t.line))" : " (line \(t.line): \(src))"
        }
        return interpreter.mainVM.exceptionLine(exc) + where_
    }

    private lazy var sourceLines: [String] = splitLines(lesson.source)
    private func sourceLine(_ n: Int) -> String {
        n >= 1 && n <= sourceLines.count ? sourceLines[n - 1] : ""
    }

    // MARK: - the GIL for one demo

    enum GILSwitch {
        case unchanged
        /// Switched for the demo; switch back to `previous` after it.
        case switched(previous: Bool)
        case refused(String)
    }

    /// Applies a demo's `gil=` attribute. Switching needs the demo's thread to be the only one.
    private func switchGIL(for block: Block) -> GILSwitch {
        guard let want = block.attributes.gil, want != interpreter.gil.enabled else { return .unchanged }
        if interpreter.setGIL(want) { return .switched(previous: !want) }
        let n = interpreter.gil.otherThreadCount
        return .refused("cannot turn the GIL \(want ? "on" : "off") for this demo: \(n) thread\(n == 1 ? "" : "s") "
                        + "from earlier code \(n == 1 ? "is" : "are") still running")
    }

    func paint(_ s: String, _ code: String) -> String {
        guard colour else { return s }
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        return code + body + Terminal.ANSI.reset + (s.hasSuffix("\n") ? "\n" : "")
    }
}

// MARK: - output routing

/// The interpreter's stdout/stderr for a session: while a demo runs, stdout goes to the capture and the
/// display (the annotator); otherwise straight to the session's output.
final class DemoRouter: @unchecked Sendable {
    struct Route {
        var capture: CapturingSink?
        var display: OutputSink
        var displayError: OutputSink
    }

    let output: OutputSink
    let errorOutput: OutputSink
    private let route: Locked<Route>

    init(output: OutputSink, errorOutput: OutputSink) {
        self.output = output
        self.errorOutput = errorOutput
        self.route = Locked(Route(capture: nil, display: output, displayError: errorOutput))
    }

    /// New sinks for the interpreter (they keep the router alive).
    var stdoutSink: OutputSink { RoutedSink(router: self, isError: false) }
    var stderrSink: OutputSink { RoutedSink(router: self, isError: true) }

    func begin(capture: CapturingSink?, display: OutputSink, displayError: OutputSink) {
        route.withLock { $0 = Route(capture: capture, display: display, displayError: displayError) }
    }

    func end() {
        route.withLock { $0 = Route(capture: nil, display: output, displayError: errorOutput) }
    }

    var current: Route { route.withLock { $0 } }

    func write(_ text: String, from vm: VM?, isError: Bool) {
        let r = current
        if isError {
            r.displayError.write(text, from: vm)
        } else {
            r.capture?.write(text, from: vm)
            r.display.write(text, from: vm)
        }
    }

    /// Text the learner should see but the program did not print (the echo of a `stdin=` line).
    func echo(_ text: String, from vm: VM?) {
        current.display.write(text, from: vm)
    }

    func flush(isError: Bool) {
        let r = current
        if isError { r.displayError.flush() } else { r.display.flush() }
    }
}

final class RoutedSink: OutputSink, @unchecked Sendable {
    let router: DemoRouter
    let isError: Bool
    init(router: DemoRouter, isError: Bool) { self.router = router; self.isError = isError }
    func write(_ text: String, from vm: VM?) { router.write(text, from: vm, isError: isError) }
    func flush() { router.flush(isError: isError) }
}

/// `input()` for a demo: the lines of its `stdin=` text, then end of file. The prompt is program output
/// (captured, like CPython's); the line read is echoed for the learner but not captured.
final class LessonInput: InputSource {
    private let lines: Locked<[String]>
    private let router: DemoRouter

    init(_ text: String, router: DemoRouter) {
        var l = text.components(separatedBy: "\n")
        if l.last == "" { l.removeLast() }
        lines = Locked(l)
        self.router = router
    }

    func readLine(prompt: String, vm: VM) throws -> String? {
        if !prompt.isEmpty { vm.interp.stdout.write(prompt, from: vm) }
        let line: String? = lines.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        if let l = line { router.echo(l + "\n", from: vm) }
        return line
    }
}
