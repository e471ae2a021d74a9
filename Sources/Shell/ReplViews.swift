import Foundation
import Runtime
import Engine
import Lessons
import Trace

/// The REPL's `:annotate`, `:trace` and `:gil` settings, and how they reach what runs.
///
/// - `:annotate off|output|events` applies to lesson demos (`:run`): `output` (the default) puts the
///   time/thread gutter on each line and shows a summary and a timeline after the demo; `events` adds
///   engine notes. Statements typed at the prompt print plainly whatever the level.
/// - `:trace FILE` records every `:run` demo and every statement typed from then on into one Chrome
///   trace file, rewritten after each so it is always valid; `:trace off` stops. The file survives
///   `:open` and `:reset`.
/// - `:gil on|off` switches the live interpreter's GIL (refused while other threads run) and is kept
///   for the interpreters `:open` and `:reset` make.
struct ReplViews {
    var annotation: AnnotationLevel = .output
    var traceFile: ChromeTraceFile?
    var gil = true
    /// Statements recorded so far into the trace file (for their labels).
    var statementCount = 0

    /// Applies the settings to a lesson session.
    func configure(_ s: LessonSession) {
        s.annotation = annotation
        s.showsRunViews = true
        s.traceFile = traceFile
        s.timelineWidth = Terminal.width(fd: 1)
    }

    /// A recorder for one typed statement when tracing, else nil.
    func statementObserver(for interp: Interpreter) -> RunObserver? {
        guard let file = traceFile else { return nil }
        return RunObserver(interpreter: interp, notes: nil, summary: false, traceFile: file)
    }

    mutating func finishStatement(_ observer: RunObserver, repl: Repl) {
        statementCount += 1
        if let e = observer.finish(label: "statement \(statementCount)").traceError { repl.sayError(e) }
    }
}

extension Repl {
    var interpreterOptions: Interpreter.Options {
        var o = options.interpreter
        o.gil = views.gil
        return o
    }

    func setAnnotation(_ arg: String) {
        guard !arg.isEmpty else {
            say("Annotation: \(views.annotation.rawValue). Change it with :annotate off|output|events.")
            return
        }
        guard let level = AnnotationLevel(argument: arg) else {
            say("Give off, output or events, like :annotate events.")
            return
        }
        views.annotation = level
        if let s = session { views.configure(s) }
        switch level {
        case .off: say("Demos print plainly now.")
        case .output: say("Demo output gets a time/thread gutter, then a summary and a timeline.")
        case .events: say("Demo output gets a time/thread gutter and engine notes (locks, joins, sleeps, threads), "
                          + "then a summary and a timeline.")
        }
    }

    func setTrace(_ arg: String) {
        if arg.isEmpty {
            if let f = views.traceFile {
                say("Tracing into \(f.path) (\(f.recordingCount) run\(f.recordingCount == 1 ? "" : "s") so far). :trace off stops.")
            } else {
                say("Not tracing. :trace FILE records what runs from now on into a Chrome trace file.")
            }
            return
        }
        if arg.lowercased() == "off" {
            if let f = views.traceFile {
                say("Stopped tracing; \(f.path) has \(f.recordingCount) run\(f.recordingCount == 1 ? "" : "s"). "
                    + "Open it in ui.perfetto.dev or chrome://tracing.")
            } else {
                say("Not tracing.")
            }
            views.traceFile = nil
        } else {
            let url = URL(fileURLWithPath: (arg as NSString).expandingTildeInPath)
            let file = ChromeTraceFile(url: url)
            do { try file.writeEmpty() } catch {
                say("Cannot write \(url.path): \((error as NSError).localizedDescription)")
                return
            }
            views.traceFile = file
            views.statementCount = 0
            say("Tracing into \(url.path): every :run and statement from now on. :trace off stops.")
        }
        if let s = session { views.configure(s) }
    }

    func setGIL(_ arg: String) {
        let current = interp.gil.enabled
        guard !arg.isEmpty else {
            say("The GIL is \(current ? "on: one thread runs Python code at a time" : "off: threads run in parallel"). "
                + ":gil \(current ? "off" : "on") switches it.")
            return
        }
        let want: Bool
        switch arg.lowercased() {
        case "on", "1": want = true
        case "off", "0": want = false
        default: return say("Give on or off, like :gil off.")
        }
        if interp.setGIL(want) {
            views.gil = want
            say(want ? "The GIL is on: one thread runs Python code at a time."
                     : "The GIL is off: threads run Python code in parallel.")
        } else {
            let n = interp.gil.otherThreadCount
            say("Cannot switch the GIL \(want ? "on" : "off") now: \(n) other thread\(n == 1 ? " is" : "s are") "
                + "still running. Wait for \(n == 1 ? "it" : "them") (join) or :reset, then try again.")
        }
    }
}
