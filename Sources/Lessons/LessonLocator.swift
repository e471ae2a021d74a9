import Foundation

/// Finds the folder of lesson files.
public enum LessonLocator {
    /// The lessons folder, looked for in order:
    /// 1. `$INTERLEAVE_LESSONS` (used as given when it is a directory);
    /// 2. `./Lessons` in the current directory;
    /// 3. `Lessons/` in the executable's directory or any directory above it
    ///    (`.build/debug/interleave` → the repository root's `Lessons/`).
    /// Returns nil when none exists.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                        executable: URL? = executableURL()) -> URL? {
        if let env = environment["INTERLEAVE_LESSONS"], !env.isEmpty {
            let u = URL(fileURLWithPath: env, relativeTo: currentDirectory).standardizedFileURL
            if isDirectory(u) { return u }
        }
        let local = currentDirectory.appendingPathComponent("Lessons").standardizedFileURL
        if isDirectory(local) { return local }
        guard let exe = executable else { return nil }
        var dir = exe.resolvingSymlinksInPath().deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent("Lessons")
            if isDirectory(candidate) { return candidate.standardizedFileURL }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { return nil }
            dir = parent
        }
    }

    /// The running executable (`/proc/self/exe` on Linux, else `argv[0]`).
    public static func executableURL() -> URL? {
        #if os(Linux)
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: p)
        }
        #endif
        if let p = Bundle.main.executablePath { return URL(fileURLWithPath: p) }
        guard let arg0 = CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: arg0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Finds a lesson by id (`threads`), by file name (`04-threads`, `04-threads.md`), by a unique
    /// file-name prefix (`04`, `04-th`), by the number its file name starts with (`4` → `04-…`) or by
    /// its path (`Lessons/04-threads.md`, as shell completion types it).
    public static func find(_ query: String, in lessons: [Lesson]) -> Lesson? {
        var q = query.lowercased()
        if query.contains("/") {
            let path = URL(fileURLWithPath: query).standardizedFileURL
            if let l = lessons.first(where: { $0.url.standardizedFileURL.path == path.path }) { return l }
            q = path.lastPathComponent.lowercased()
        }
        if q.hasSuffix(".md") { q.removeLast(3) }
        if let l = lessons.first(where: { $0.id == q }) { return l }
        func stem(_ l: Lesson) -> String { l.url.deletingPathExtension().lastPathComponent.lowercased() }
        if let l = lessons.first(where: { stem($0) == q }) { return l }
        let byPrefix = lessons.filter { stem($0).hasPrefix(q) }
        if byPrefix.count == 1 { return byPrefix[0] }
        if let n = Int(q) {
            let numbered = lessons.filter {
                let digits = stem($0).prefix(while: { $0.isNumber })
                return !digits.isEmpty && Int(digits) == n
            }
            if numbered.count == 1 { return numbered[0] }
        }
        return nil
    }
}
