import Foundation
import Syntax
import Runtime
import Engine
import Lessons
import Trace

/// How to start the REPL.
public struct ReplOptions {
    /// Options for every interpreter the REPL makes (the plain one, and one per opened lesson).
    public var interpreter = Interpreter.Options()
    /// First line of the banner (`interleave 0.1.0 (Python 3.11 subset)`).
    public var version = "interleave"
    /// The lessons folder; nil looks for it with `LessonLocator.defaultDirectory()`.
    public var lessonsDirectory: URL?
    /// Show the banner (only ever shown on a terminal).
    public var banner = true
    /// The history file; nil means the default (`$XDG_STATE_HOME/interleave/history`). Only used on a
    /// terminal.
    public var historyURL: URL?
    /// Open this lesson (id, file name or number) before the first prompt.
    public var openLesson: String?

    public init() {}
}

/// The interactive REPL: `>>> ` / `... ` prompts with CPython's continuation rules, tracebacks that do not
/// end the session, Ctrl-C, tab completion, history, and `:` meta-commands that open lessons, move through
/// their steps and run their demos and checks in the namespace the learner types into.
///
/// On a terminal (stdin and stdout both TTYs) lines are read with libedit; otherwise they are read from
/// stdin as they come, without prompts, and the session ends at end of input with status 0 (or
/// `sys.exit`'s status).
public final class Repl {
    public let options: ReplOptions
    let reader: LineReader
    let interactive: Bool
    let colour: Bool
    let console = FileDescriptorSink(fd: 1)
    let consoleErr = FileDescriptorSink(fd: 2)

    /// The interpreter and namespace the learner types into: the plain REPL's, or the open lesson's.
    private(set) var interp: Interpreter
    private(set) var module: PyModule
    private(set) var session: LessonSession?
    private(set) var lessons: [Lesson] = []
    private(set) var lessonProblems: [LessonProblem] = []
    private(set) var lessonsDirectory: URL?
    private lazy var inputSource = ShellInputSource(reader: reader)
    /// Whether `:run` has said once that the demo's names are the learner's now.
    private var explainedRun = false
    /// `:annotate`, `:trace` and `:gil` settings (see `ReplViews`).
    var views = ReplViews()

    public static let metaCommands: [(name: String, args: String, help: String)] = [
        ("help", "", "show this help"),
        ("lessons", "", "list the lessons (* marks the open one)"),
        ("open", "ID", "open a lesson by id, file name or number (:open 04, :open threads)"),
        ("next", "", "go to the next step of the lesson"),
        ("prev", "", "go back to the previous step"),
        ("step", "N", "go to step N"),
        ("show", "", "show the current step again"),
        ("run", "", "run the step's demo here, then its checks (PASS/FAIL)"),
        ("reset", "", "start over with a fresh namespace (the lesson stays open)"),
        ("annotate", "LEVEL", "how :run shows a demo: off | output (time/thread gutter, summary, timeline) | events (+ engine notes)"),
        ("trace", "FILE", "record what runs from now on into a Chrome trace FILE (Perfetto); :trace off stops"),
        ("gil", "on|off", "switch the GIL on or off (only while no other thread runs); :gil shows the mode"),
        ("quit", "", "leave the REPL (Ctrl-D does too)"),
    ]
    static let aliases = ["h": "help", "?": "help", "q": "quit", "exit": "quit", "ls": "lessons", "n": "next",
                          "p": "prev", "back": "prev", "r": "run", "o": "open"]

    /// - Parameter reader: where lines come from; nil picks libedit on a terminal, plain reads otherwise.
    public init(options: ReplOptions = ReplOptions(), reader: LineReader? = nil) {
        self.options = options
        let tty = isatty(0) != 0 && isatty(1) != 0
        if let reader {
            self.reader = reader
        } else if tty {
            let history = (options.historyURL ?? HistoryFile.defaultURL()).map { HistoryFile(url: $0) }
            self.reader = EditLineReader(history: history)
        } else {
            self.reader = PipeLineReader(fd: 0)
        }
        interactive = self.reader.isInteractive
        colour = interactive && Terminal.colourEnabled(fd: 1)
        interp = Engine.makeInterpreter(options: options.interpreter)
        module = interp.mainModule()
        views.gil = options.interpreter.gil
        adopt(interp, module: module)
        if let editor = self.reader as? EditLineReader {
            editor.completer = { [unowned self] before, word in self.completer().complete(before: before, word: word) }
        }
    }

    /// The completer for the current namespace.
    public func completer() -> Completer {
        var names: [String] = []
        for l in lessons {
            names.append(l.id)
            names.append(l.url.deletingPathExtension().lastPathComponent)
        }
        return Completer(globals: module.dict, builtins: interp.builtins.dict,
                         metaCommands: Repl.metaCommands.map { ":" + $0.name + ($0.args.isEmpty ? "" : " ") },
                         lessonNames: names)
    }

    // MARK: - the loop

    /// Runs the REPL until end of input, `:quit` or `sys.exit()`; returns the exit status.
    public func run() -> Int32 {
        InterruptController.shared.install()
        loadLessons()
        if interactive && options.banner { printBanner() }
        if let id = options.openLesson { openLesson(id) }
        var buffer = InputBuffer()
        while true {
            InterruptController.shared.clearPending()
            let vm = interp.mainVM!
            let prompt = promptText(continuation: !buffer.isEmpty)
            let input = vm.allowThreads {
                reader.readLine(prompt: prompt, interrupted: { InterruptController.shared.takePending() })
            }
            switch input {
            case .eof:
                if let rest = buffer.flushAtEOF(), let status = execute(rest) { return finish(status) }
                if interactive { say("") }
                return finish(0)
            case .interrupt:
                buffer.reset()
                say(interactive ? "\nKeyboardInterrupt" : "KeyboardInterrupt")
            case .invalid(let error):
                buffer.reset()
                printSyntaxError(error)
            case .line(let text):
                reader.addHistory(text)
                switch buffer.feed(text) {
                case .skip, .needMore:
                    continue
                case .meta(let command):
                    if let status = runMetaCommand(command) { return finish(status) }
                case .run(let source):
                    if let status = execute(source) { return finish(status) }
                case .invalid(let error):
                    printSyntaxError(error)
                }
            }
        }
    }

    /// `sys.ps1` / `sys.ps2` when they are strings (the learner may change them), else `>>> ` / `... `.
    func promptText(continuation: Bool) -> String {
        if let v = interp.sys.dict.getStr(continuation ? "ps2" : "ps1"), let s = v.asObject as? PyStr { return s.value }
        return continuation ? "... " : ">>> "
    }

    /// Makes `interp` the one the learner types into: its `input()` reads from the REPL's reader, and
    /// `sys.ps1`/`sys.ps2` exist as in CPython's interactive mode.
    func adopt(_ interpreter: Interpreter, module: PyModule) {
        interp = interpreter
        self.module = module
        interp.stdin = inputSource
        interp.sys.dict.setStr("ps1", .str(">>> "))
        interp.sys.dict.setStr("ps2", .str("... "))
    }

    /// Compiles and runs one complete input in the namespace; expression statements print their repr.
    /// Returns an exit status when the code raised SystemExit.
    @discardableResult
    public func execute(_ source: String) -> Int32? {
        let vm = interp.mainVM!
        // A Ctrl-C that came in after the previous input finished must not hit this one.
        vm.evalBreaker.bitwiseAnd(~(VM.breakInterrupt | VM.breakAbort), ordering: .relaxed)
        interp.deadlockReport.withLock { $0 = nil }
        defer {
            interp.stdout.flush()
            interp.stderr.flush()
        }
        do {
            let code: PyCode
            do {
                code = try interp.compile(source, filename: "<stdin>", mode: .interactive)
            } catch {
                interp.registerSource("", filename: "<stdin>")
                throw error
            }
            // CPython shows no source lines for `<stdin>` (a function defined by an earlier input would
            // show lines of the newest one).
            interp.registerSource("", filename: "<stdin>")
            let observer = views.statementObserver(for: interp)
            observer?.start()
            defer { observer.map { views.finishStatement($0, repl: self) } }
            _ = try InterruptController.shared.whileRunning(vm) { try interp.exec(code, in: module) }
        } catch let e as PyError {
            if interp.deadlockReport.withLock({ $0 }) != nil {
                // The deadlock detector printed its report and aborted every thread: let them finish
                // unwinding (releasing their locks), then back to the prompt.
                ThreadStopper.stopOtherThreads(interp, from: vm)
                return nil
            }
            if e.exception.isInstance(of: .systemExit) {
                return Runner(interp: interp).exitStatus(for: e.exception, vm: vm)
            }
            vm.printException(e.exception)
        } catch {
            interp.stderr.write("internal error: \(error)\n", from: vm)
        }
        return nil
    }

    func printSyntaxError(_ error: SyntaxError) {
        let vm = interp.mainVM!
        vm.printException(Interpreter.syntaxErrorException(error))
        interp.stderr.flush()
    }

    /// Joins non-daemon threads (`threading._shutdown`) as CPython does at exit; Ctrl-C stops waiting.
    func finish(_ status: Int32) -> Int32 {
        let vm = interp.mainVM!
        var result = status
        if case .object(let o)? = interp.modules.getStr("threading"), let m = o as? PyModule,
           let fn = m.dict.getStr("_shutdown") {
            vm.evalBreaker.bitwiseAnd(~(VM.breakInterrupt | VM.breakAbort), ordering: .relaxed)
            do {
                _ = try InterruptController.shared.whileRunning(vm) { try vm.call(fn, Args()) }
            } catch let e as PyError {
                if e.exception.isInstance(of: .systemExit) {
                    result = Runner(interp: interp).exitStatus(for: e.exception, vm: vm)
                } else if !e.exception.isInstance(of: .keyboardInterrupt) {
                    vm.printException(e.exception)
                }
            } catch {}
        }
        interp.stdout.flush()
        interp.stderr.flush()
        return result
    }

    // MARK: - output

    func say(_ text: String) { console.write(text + "\n", from: nil) }
    func sayError(_ text: String) { consoleErr.write(text + "\n", from: nil) }

    func paint(_ s: String, _ code: String) -> String { colour ? code + s + Terminal.ANSI.reset : s }

    // MARK: - lessons

    func loadLessons() {
        lessonsDirectory = options.lessonsDirectory ?? LessonLocator.defaultDirectory()
        guard let dir = lessonsDirectory else { return }
        (lessons, lessonProblems) = LessonLoader.loadAll(directory: dir)
    }

    func printBanner() {
        say(paint(bannerTitle(), Terminal.ANSI.bold))
        say("Type :help for commands, :lessons to list the lessons, :open ID to start one. Ctrl-D quits.")
        say("")
        if lessons.isEmpty {
            say(lessonsDirectory == nil
                ? "No lessons folder found (set INTERLEAVE_LESSONS to it)."
                : "No lessons in \(lessonsDirectory!.path).")
        } else {
            say("Lessons:")
            listLessonLines()
        }
        say("")
    }

    func bannerTitle() -> String {
        var v = options.version
        if v.hasPrefix("interleave") { v = "Interleave" + v.dropFirst("interleave".count) }
        return v + " — learn concurrency by running it"
    }

    /// The number a lesson's file name starts with (`04-threads.md` → `04`), or its file name.
    static func shortName(_ l: Lesson) -> String {
        let stem = l.url.deletingPathExtension().lastPathComponent
        let digits = stem.prefix(while: { $0.isNumber })
        return digits.isEmpty ? stem : String(digits)
    }

    func listLessonLines() {
        let width = lessons.map { Repl.shortName($0).count }.max() ?? 2
        let idWidth = lessons.map(\.id.count).max() ?? 0
        for l in lessons {
            let open = session?.lesson.path == l.path
            let mark = open ? "*" : " "
            let short = Repl.shortName(l).padding(toLength: width, withPad: " ", startingAt: 0)
            let id = l.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let line = " \(mark) \(short)  \(id)  \(l.title)  (\(l.steps.count) step\(l.steps.count == 1 ? "" : "s"))"
            say(open ? paint(line, Terminal.ANSI.bold) : line)
        }
    }

    // MARK: - meta-commands

    /// Runs a `:command`; returns an exit status when the REPL should end.
    func runMetaCommand(_ line: String) -> Int32? {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        let parts = body.split(separator: " ", maxSplits: 1).map(String.init)
        var name = parts.first?.lowercased() ?? ""
        name = Repl.aliases[name] ?? name
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help": printHelp()
        case "lessons": printLessons()
        case "open": openLesson(arg)
        case "next": move(+1)
        case "prev": move(-1)
        case "step": gotoStep(arg)
        case "show": showStep()
        case "run": runStep()
        case "reset": reset()
        case "annotate": setAnnotation(arg)
        case "trace": setTrace(arg)
        case "gil": setGIL(arg)
        case "quit": return 0
        case "":
            say("A meta-command follows the colon, like :help. Type :help for the list.")
        default:
            let known = Repl.metaCommands.map(\.name).filter { $0.hasPrefix(name) }
            if known.count == 1 {
                say("Unknown command :\(name). Did you mean :\(known[0])? Type :help for the list.")
            } else {
                say("Unknown command :\(name). Type :help for the list of commands.")
            }
        }
        return nil
    }

    func printHelp() {
        say("Type Python statements to run them here. Lines starting with ':' are commands:")
        for c in Repl.metaCommands {
            let left = ":" + c.name + (c.args.isEmpty ? "" : " " + c.args)
            say("  " + left.padding(toLength: 16, withPad: " ", startingAt: 0) + c.help)
        }
        say("Tab completes names, attributes and commands; Up/Down recall history; Ctrl-C interrupts "
            + "running code or cancels the line; Ctrl-D quits.")
        if session != nil {
            say("A lesson is open: its namespace is this one, so you can inspect and change what its demos made.")
        }
    }

    func printLessons() {
        if lessons.isEmpty && lessonProblems.isEmpty {
            say(lessonsDirectory == nil
                ? "No lessons folder found (set INTERLEAVE_LESSONS to it)."
                : "No lessons in \(lessonsDirectory!.path).")
            return
        }
        listLessonLines()
        for p in lessonProblems where !p.isWarning { sayError(p.description) }
        if session == nil && !lessons.isEmpty { say("Open one with :open ID (for example :open \(Repl.shortName(lessons[0]))).") }
    }

    func openLesson(_ query: String) {
        guard !query.isEmpty else {
            say("Which lesson? :open ID, for example :open \(lessons.first.map(Repl.shortName) ?? "00").")
            if !lessons.isEmpty { listLessonLines() }
            return
        }
        guard let lesson = LessonLocator.find(query, in: lessons) else {
            if let p = lessonProblems.first(where: { $0.file.contains(query) && !$0.isWarning }) {
                say("That lesson could not be loaded: \(p.description)")
            } else {
                say("No lesson matches \(pyString(query)). Type :lessons to see them.")
            }
            return
        }
        startSession(lesson, step: 1)
        console.write("\n" + (session?.renderIntro() ?? ""), from: nil)
        showStep()
    }

    func startSession(_ lesson: Lesson, step: Int) {
        let interpreter = Engine.makeInterpreter(options: interpreterOptions)
        let s = LessonSession(lesson: lesson, interpreter: interpreter, colour: colour)
        views.configure(s)
        s.goto(step)
        session = s
        adopt(s.interpreter, module: s.module)
    }

    func noLesson() {
        say("No lesson is open. Type :lessons to list them and :open ID to start one.")
    }

    func move(_ delta: Int) {
        guard let s = session else { return noLesson() }
        if delta > 0 ? s.next() : s.prev() {
            showStep()
        } else if delta > 0 {
            say("This is the last step (\(s.stepCount)/\(s.stepCount)) of \(pyString(s.lesson.id)). "
                + ":lessons lists the others.")
        } else {
            say("This is the first step. :show shows it again.")
        }
    }

    func gotoStep(_ arg: String) {
        guard let s = session else { return noLesson() }
        guard let n = Int(arg), s.goto(n) else {
            say("Give a step number from 1 to \(s.stepCount), like :step 2.")
            return
        }
        showStep()
    }

    func showStep() {
        guard let s = session else { return noLesson() }
        console.write("\n" + s.render(s.currentStep, includeNotes: false), from: nil)
        let step = s.currentStep
        let hint = step.demos.isEmpty
            ? "(:next for the next step)"
            : "(:run runs the demo\(step.checks.isEmpty ? "" : " and checks its claims"), :next moves on)"
        say("\n" + paint(hint, Terminal.ANSI.dim))
    }

    func runStep() {
        guard let s = session else { return noLesson() }
        let step = s.currentStep
        guard !step.demos.isEmpty else {
            say("Step \(s.currentNumber) has no demo to run. :next moves on.")
            return
        }
        let vm = s.interpreter.mainVM!
        vm.evalBreaker.bitwiseAnd(~(VM.breakInterrupt | VM.breakAbort), ordering: .relaxed)
        views.configure(s)   // the terminal may have been resized since
        let result = InterruptController.shared.whileRunning(vm) {
            s.runStep(step, check: !step.checks.isEmpty)
        }
        s.interpreter.registerSource("", filename: "<stdin>")
        if result.demos.contains(where: { $0.outcome == .interrupted }) {
            say(paint("(interrupted: the checks were not run; :run starts the demo again)", Terminal.ANSI.dim))
            return
        }
        let notes = s.renderNotes(step)
        if !notes.isEmpty { console.write("\n" + notes, from: nil) }
        if !result.checks.isEmpty {
            say("")
            for c in result.checks {
                say(c.passed ? paint(c.report, Terminal.ANSI.green) : paint(c.report, Terminal.ANSI.red))
                if let tb = c.traceback, !c.passed { consoleErr.write(tb, from: nil) }
            }
            say("\(result.passedCount) passed, \(result.failedCount) failed")
        }
        var hint = s.currentNumber < s.stepCount ? ":next moves on" : "that was the last step: :lessons lists the others"
        if !explainedRun {
            explainedRun = true
            hint = "the demo ran in this namespace: inspect or change its names and :run again; " + hint
        }
        say(paint("(" + hint + ")", Terminal.ANSI.dim))
    }

    func reset() {
        if let s = session {
            startSession(s.lesson, step: s.currentNumber)
            say("Fresh namespace for \(pyString(s.lesson.id)), step \(s.currentNumber)/\(s.stepCount).")
        } else {
            let fresh = Engine.makeInterpreter(options: interpreterOptions)
            adopt(fresh, module: fresh.mainModule())
            say("Fresh namespace.")
        }
    }

    func pyString(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'" }
}

/// `input()` and `sys.stdin` for code typed at the REPL: the same line reader as the prompt.
final class ShellInputSource: InputSource {
    let reader: LineReader
    init(reader: LineReader) { self.reader = reader }

    func readLine(prompt: String, vm: VM) throws -> String? {
        if !reader.isInteractive && !prompt.isEmpty { vm.interp.stdout.write(prompt, from: vm) }
        switch reader.readLine(prompt: prompt, interrupted: { vm.interruptPending }) {
        case .line(let s): return s
        case .eof: return nil
        case .interrupt:
            try vm.checkInterrupts()
            throw PyError(PyBaseException(type: .keyboardInterrupt))
        case .invalid(let e):
            throw PyError(Interpreter.syntaxErrorException(e))
        }
    }
}
