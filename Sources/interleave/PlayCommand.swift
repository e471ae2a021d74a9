import ArgumentParser
import Foundation
import Engine
import Lessons
import Runtime
import Trace

/// `interleave play LESSON…|--all [--check]`: runs lessons without a learner.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play lessons non-interactively: each step, its demo's annotated output and its notes.",
        discussion: "With --check, every claim is judged (PASS file:line / FAIL file:line: message) and the exit status is 1 if any fails. A malformed lesson or a failing demo also makes the status 1.")

    @Argument(help: ArgumentHelp("Lessons to play: ids, file names or numbers (04, threads, 04-threads.md).", valueName: "lesson"))
    var names: [String] = []

    @Flag(help: "Play every lesson.")
    var all = false

    @Flag(help: "Run the lessons' checks and report PASS/FAIL.")
    var check = false

    @Option(help: ArgumentHelp("off | output | events: demo output with a time/thread gutter and a summary and "
                               + "timeline after each demo (output, the default), plus engine notes (events), "
                               + "or plain output (off).", valueName: "level"))
    var annotate: String?

    @Flag(name: .long, help: "Do not put the time/thread gutter on demo output, nor a summary and timeline after it (--annotate off).")
    var plain = false

    @Option(name: .long, help: ArgumentHelp("The lessons folder (default: $INTERLEAVE_LESSONS, ./Lessons, or next to the executable).", valueName: "dir"))
    var lessons: String?

    @Option(name: .customShort("X"), help: ArgumentHelp("Engine option: gil=0|1 (default 1, or $PYTHON_GIL).", valueName: "option"))
    var engineOptions: [String] = []

    func validate() throws {
        if all && !names.isEmpty { throw ValidationError("give lesson names or --all, not both") }
        if !all && names.isEmpty { throw ValidationError("give one or more lessons to play, or --all") }
        _ = try level()
    }

    /// `--annotate`, or `off` for `--plain`, or `output`.
    func level() throws -> AnnotationLevel {
        guard let a = annotate else { return plain ? .off : .output }
        guard let l = AnnotationLevel(argument: a) else { throw ValidationError("--annotate must be off, output or events") }
        if plain && l != .off { throw ValidationError("--plain is --annotate off: give one or the other") }
        return l
    }

    func run() throws {
        var options = Interpreter.Options()
        options.gil = try EngineOptions.gilSetting(engineOptions)
        let dir = try LessonDirectory.resolve(lessons)
        let (found, problems) = LessonLoader.loadAll(directory: dir)
        var chosen = found
        var extra: [LessonProblem] = []
        if !all {
            chosen = []
            for q in names {
                if let l = LessonLocator.find(q, in: found) {
                    if !chosen.contains(where: { $0.path == l.path }) { chosen.append(l) }
                } else if !problems.contains(where: { $0.file.contains(q) }) {
                    extra.append(LessonProblem(file: q, line: 1, message: "no such lesson"))
                }
            }
        }
        // Problems of lessons not asked for are not this run's business.
        let relevant = all ? problems : problems.filter { p in names.contains { p.file.contains($0) } }
        let level = try level()
        let ok = Player.play(lessons: chosen, problems: relevant + extra, check: check,
                             annotate: level != .off, runViews: level.showsSummary,
                             annotation: level == .off ? .output : level,
                             interpreterFactory: { out, err in
                                 Engine.makeInterpreter(options: options, stdout: out, stderr: err)
                             })
        if !ok { throw ExitCode(1) }
    }
}
