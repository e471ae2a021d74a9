import ArgumentParser
import Foundation
import Lessons

/// `interleave lessons`: the lessons found, one per line; malformed ones reported on stderr.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons: id, title and number of steps.",
        discussion: "A lesson file that cannot be loaded is reported on stderr as file:line: message, and the exit status is 1.")

    @Option(name: .long, help: ArgumentHelp("The lessons folder (default: $INTERLEAVE_LESSONS, ./Lessons, or next to the executable).", valueName: "dir"))
    var lessons: String?

    func run() throws {
        let dir = try LessonDirectory.resolve(lessons)
        let (all, problems) = LessonLoader.loadAll(directory: dir)
        let nameWidth = all.map { LessonDirectory.fileStem($0).count }.max() ?? 0
        let idWidth = all.map(\.id.count).max() ?? 0
        var out = ""
        for l in all {
            let steps = "\(l.steps.count) step\(l.steps.count == 1 ? "" : "s")"
            out += LessonDirectory.fileStem(l).padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + l.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + l.title + "  (" + steps + ")\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        var err = ""
        for p in problems { err += p.description + "\n" }
        if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
        if problems.contains(where: { !$0.isWarning }) { throw ExitCode(1) }
    }
}

enum LessonDirectory {
    /// `--lessons DIR`, or the default lessons folder.
    static func resolve(_ option: String?) throws -> URL {
        if let o = option {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: o, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("no lessons folder at \(o)")
            }
            return URL(fileURLWithPath: o)
        }
        guard let dir = LessonLocator.defaultDirectory() else {
            throw ValidationError("no lessons folder found: set INTERLEAVE_LESSONS or pass --lessons DIR")
        }
        return dir
    }

    static func fileStem(_ l: Lesson) -> String { l.url.deletingPathExtension().lastPathComponent }
}
