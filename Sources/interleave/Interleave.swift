import ArgumentParser
import Foundation

/// `interleave`: the REPL by default; `run`, `lessons` and `play` as subcommands.
@main
struct Interleave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interleave",
        abstract: "A REPL that teaches concurrency by running it: threads, locks, processes, queues, pools, coroutines.",
        version: InterleaveVersion.string,
        subcommands: [Repl.self, Run.self, LessonsCommand.self, Play.self],
        defaultSubcommand: Repl.self
    )
}

enum InterleaveVersion {
    static let string = "interleave 0.1.0 (Python 3.11 subset)"
}
