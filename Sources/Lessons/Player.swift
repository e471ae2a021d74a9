import Foundation
import Runtime
import Engine
import Trace

/// Plays lessons without a learner (`interleave play [--check]`): every step's title, its demo's annotated
/// output, and its notes; with `check`, every claim judged `PASS file:line` / `FAIL file:line: message`, and
/// a last line `N passed, N failed`.
public enum Player {
    /// Plays `lessons` in order, each in a fresh interpreter (`interpreterFactory`, default
    /// `Engine.makeInterpreter`), on the calling thread.
    ///
    /// - Parameters:
    ///   - problems: load problems (`LessonLoader.loadAll`'s), printed first; any that is not a warning
    ///     makes the result false.
    ///   - check: run the checks and print PASS/FAIL lines and the summary `N passed, N failed`.
    ///   - output: where everything goes (demo stdout and stderr included).
    ///   - colour: ANSI colour; nil means colour when `output` is the default terminal stdout and
    ///     `Terminal.colourEnabled(fd: 1)`.
    ///   - annotate: put the time/thread gutter on demo output.
    ///   - runViews: with `annotate`, show a summary and a timeline after each demo.
    ///   - annotation: the level when `annotate` (`events` adds engine notes); see `AnnotationLevel`.
    ///   - timeoutScale: multiplies every demo's and check's time limit (see `LessonSession.timeoutScale`).
    /// - Returns: false when a lesson was malformed, a demo failed or (with `check`) a check failed.
    @discardableResult
    public static func play(lessons: [Lesson], problems: [LessonProblem] = [], check: Bool,
                            output: OutputSink? = nil, colour: Bool? = nil, annotate: Bool = true,
                            runViews: Bool = false, annotation: AnnotationLevel = .output, timeoutScale: Double = 1,
                            interpreterFactory: ((OutputSink, OutputSink) -> Interpreter)? = nil) -> Bool {
        let out = output ?? FileDescriptorSink(fd: 1)
        let useColour = colour ?? (output == nil ? Terminal.colourEnabled(fd: 1) : false)
        func say(_ s: String) { out.write(s + "\n", from: nil); out.flush() }
        func paint(_ s: String, _ code: String) -> String {
            useColour ? code + s + Terminal.ANSI.reset : s
        }

        var ok = true
        var passed = 0, failed = 0, demosRun = 0, demosFailed = 0
        let malformed = problems.filter { !$0.isWarning }
        for p in problems { say(p.isWarning ? paint(p.description, Terminal.ANSI.yellow) : paint(p.description, Terminal.ANSI.red)) }
        for file in Set(malformed.map(\.file)).sorted() { say("=== \(file): malformed, not run") }
        if !malformed.isEmpty { ok = false }

        for lesson in lessons {
            for w in lesson.warnings { say(paint(w.description, Terminal.ANSI.yellow)) }
            say(paint("=== \(lesson.path): lesson \(pyRepr(lesson.id)) — \(lesson.steps.count) steps, "
                      + "\(lesson.demos.count) demos, \(lesson.checks.count) checks", Terminal.ANSI.bold))
            let started = Date()
            let session: LessonSession
            if let f = interpreterFactory {
                session = LessonSession(lesson: lesson, interpreter: f(out, out), output: out, errorOutput: out,
                                        colour: useColour)
            } else {
                session = LessonSession(lesson: lesson, interpreter: Engine.makeInterpreter(stdout: out, stderr: out),
                                        output: out, errorOutput: out, colour: useColour)
            }
            session.timeoutScale = timeoutScale
            session.showsRunViews = runViews
            session.annotation = annotation
            session.timelineWidth = Terminal.width(fd: 1)
            var lessonPassed = 0, lessonFailed = 0
            for step in lesson.steps {
                say("")
                say(paint("## \(step.title)", Terminal.ANSI.bold))
                let r = session.runStep(step, check: check, annotate: annotate)
                demosRun += r.demos.count
                let bad = r.demos.filter { !$0.succeeded }.count
                demosFailed += bad
                if bad > 0 { ok = false }
                for c in r.checks {
                    say(c.passed ? paint(c.report, Terminal.ANSI.green) : paint(c.report, Terminal.ANSI.red))
                    if let tb = c.traceback, !c.passed { out.write(tb, from: nil) }
                }
                lessonPassed += r.passedCount
                lessonFailed += r.failedCount
                let notes = session.renderNotes(step)
                if !notes.isEmpty { out.write(notes, from: nil) }
            }
            passed += lessonPassed
            failed += lessonFailed
            let took = String(format: "%.1fs", Date().timeIntervalSince(started))
            say("")
            if check {
                say("=== \(lesson.path): \(lessonPassed) passed, \(lessonFailed) failed in \(took)")
            } else {
                say("=== \(lesson.path): \(session.stepCount) steps played in \(took)")
            }
        }
        if check {
            if failed > 0 { ok = false }
            if !malformed.isEmpty { say("\(Set(malformed.map(\.file)).count) malformed lesson(s) not run") }
            say("\(passed) passed, \(failed) failed")
        } else {
            say("\(lessons.count) lessons played, \(demosRun) demos run, \(demosFailed) failed")
        }
        return ok
    }

    /// Loads the lessons in `directory` (all, or those `only` names: ids, file names or number
    /// prefixes, see `LessonLocator.find`) and plays them.
    @discardableResult
    public static func play(directory: URL, only: [String] = [], check: Bool, output: OutputSink? = nil,
                            colour: Bool? = nil, annotate: Bool = true, timeoutScale: Double = 1) -> Bool {
        let (all, problems) = LessonLoader.loadAll(directory: directory)
        var chosen = all
        var extra: [LessonProblem] = []
        if !only.isEmpty {
            chosen = []
            for q in only {
                if let l = LessonLocator.find(q, in: all) {
                    if !chosen.contains(where: { $0.path == l.path }) { chosen.append(l) }
                } else if !problems.contains(where: { $0.file.contains(q) }) {
                    extra.append(LessonProblem(file: q, line: 1, message: "no such lesson"))
                }
            }
        }
        return play(lessons: chosen, problems: problems + extra, check: check, output: output, colour: colour,
                    annotate: annotate, timeoutScale: timeoutScale)
    }
}
