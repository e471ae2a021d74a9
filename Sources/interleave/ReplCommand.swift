import ArgumentParser
import Foundation
import Shell

/// `interleave` with no subcommand: the interactive REPL (provided by the Shell module).
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive REPL (default).",
        discussion: """
            Type Python to run it; lines starting with ':' are commands (:help lists them). \
            On a terminal, lines are edited with libedit, Tab completes, and history is kept in \
            $XDG_STATE_HOME/interleave/history. With stdin piped, statements run as they are read, \
            without prompts.
            """)

    @Option(name: .customShort("X"), help: ArgumentHelp("Engine option: gil=0|1 (default 1, or $PYTHON_GIL).", valueName: "option"))
    var engineOptions: [String] = []

    @Flag(name: [.customShort("q"), .long], help: "Do not print the banner.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Open this lesson first (id, file name or number).", valueName: "lesson"))
    var open: String?

    @Option(name: .long, help: ArgumentHelp("The lessons folder (default: $INTERLEAVE_LESSONS, ./Lessons, or next to the executable).", valueName: "dir"))
    var lessons: String?

    func run() throws {
        var options = ReplOptions()
        options.interpreter.gil = try EngineOptions.gilSetting(engineOptions)
        options.interpreter.argv = [""]
        options.version = InterleaveVersion.string
        options.banner = !quiet
        options.openLesson = open
        if let dir = lessons { options.lessonsDirectory = URL(fileURLWithPath: dir) }
        let status = Shell.Repl(options: options).run()
        throw ExitCode(status)
    }
}
