import ArgumentParser
import Foundation

/// `interleave` with no subcommand: the interactive REPL (provided by the Shell module).
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the interactive REPL (default).")
    func run() throws {
        FileHandle.standardError.write("The REPL is not built yet.\n".data(using: .utf8)!)
        throw ExitCode(1)
    }
}
