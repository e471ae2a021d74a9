import Foundation

/// The REPL's persistent history: `$XDG_STATE_HOME/interleave/history` (default
/// `~/.local/state/interleave/history`).
///
/// One entry per line; a backslash is written `\\` and a newline `\n`, so any entry round-trips. Each entry
/// is appended to the file as soon as it is entered (open, write, close), so the history survives a crash
/// of the process, whatever the learner's code does afterwards.
public final class HistoryFile {
    public let url: URL
    /// Entries kept when the file is loaded (older ones are dropped, and the file rewritten).
    public let limit: Int
    private var last: String?

    public init(url: URL, limit: Int = 1000) {
        self.url = url
        self.limit = limit
    }

    /// `$XDG_STATE_HOME/interleave/history`, or `~/.local/state/interleave/history`; nil without a home.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("interleave/history")
        }
        var home = environment["HOME"] ?? ""
        if home.isEmpty, let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { home = String(cString: dir) }
        guard !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/interleave/history")
    }

    /// Reads the entries (oldest first), at most `limit`. A missing file is an empty history.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var entries = text.split(separator: "\n", omittingEmptySubsequences: true).map { HistoryFile.unescape(String($0)) }
        if entries.count > limit {
            entries = Array(entries.suffix(limit))
            rewrite(entries)
        }
        last = entries.last
        return entries
    }

    /// Appends one entry to the file right away. Blank entries and repeats of the previous entry are
    /// skipped. Returns whether it was recorded.
    @discardableResult
    public func append(_ entry: String) -> Bool {
        guard !entry.allSatisfy({ $0 == " " || $0 == "\t" }), entry != last else { return false }
        last = entry
        guard ensureDirectory() else { return false }
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array((HistoryFile.escape(entry) + "\n").utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return false }
            off += n
        }
        return true
    }

    private func ensureDirectory() -> Bool {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }

    private func rewrite(_ entries: [String]) {
        guard ensureDirectory() else { return }
        let text = entries.map { HistoryFile.escape($0) + "\n" }.joined()
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".history.\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return }
        if rename(tmp.path, url.path) != 0 { unlink(tmp.path) }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.unicodeScalars.append(c); continue }
            switch it.next() {
            case "n"?: out += "\n"
            case "r"?: out += "\r"
            case "\\"?: out += "\\"
            case let other?: out += "\\"; out.unicodeScalars.append(other)
            case nil: out += "\\"
            }
        }
        return out
    }
}
