import Foundation
import Compiler
import Syntax

/// Parses lesson files. Accepts exactly what `Lessons/tools/verify_cpython.py` accepts, with the same
/// messages, so a lesson that passes there loads here and the other way round.
public enum LessonLoader {
    static let frontMatterKeys: Set<String> = ["id", "title", "summary"]
    static let demoAttributes: Set<String> = ["timeout", "stdin", "name", "gil"]
    static let checkAttributes: Set<String> = ["timeout", "tries"]
    static let checkFlags: Set<String> = ["sometimes"]
    static let demoFlags: Set<String> = ["deadlock"]

    /// Loads one lesson file. Throws every problem found in it (a malformed lesson is never half-loaded).
    public static func load(file: URL) throws(LessonError) -> Lesson {
        let path = displayPath(file)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LessonError(file: path, problems: [LessonProblem(file: path, line: 1, message: "cannot read: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(file: path, problems: [LessonProblem(file: path, line: 1, message: "cannot read: not valid UTF-8")])
        }
        return try parse(text, file: file, path: path)
    }

    /// Loads every `*.md` lesson in `directory` (except README.md), sorted by file name. A malformed
    /// lesson is reported in `problems` (one entry per `file:line: message`) and left out; the others
    /// still load. Two lessons with the same `id` are a problem of the second one.
    public static func loadAll(directory: URL) -> (lessons: [Lesson], problems: [LessonProblem]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let p = displayPath(directory)
            return ([], [LessonProblem(file: p, line: 1, message: "cannot list lessons: \(error.localizedDescription)")])
        }
        let files = names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
        return loadAll(files: files.map { directory.appendingPathComponent($0) })
    }

    /// Loads the given lesson files in order (see `loadAll(directory:)`).
    public static func loadAll(files: [URL]) -> (lessons: [Lesson], problems: [LessonProblem]) {
        var lessons: [Lesson] = []
        var problems: [LessonProblem] = []
        var ids: [String: String] = [:]
        for url in files {
            do throws(LessonError) {
                let lesson = try load(file: url)
                if let other = ids[lesson.id] {
                    problems.append(LessonProblem(file: lesson.path, line: 2,
                                                  message: "id \(pyRepr(lesson.id)) is also used by \(other)"))
                    continue
                }
                ids[lesson.id] = lesson.path
                lessons.append(lesson)
            } catch {
                problems.append(contentsOf: error.problems)
            }
        }
        return (lessons, problems)
    }

    /// Parses lesson text. `file` names it in messages (and in tracebacks of its code).
    public static func parse(_ text: String, file: URL, path: String? = nil) throws(LessonError) -> Lesson {
        var parser = Parser(text: text, file: file, path: path ?? displayPath(file))
        return try parser.run()
    }

    /// `url`'s path relative to the current directory when it lies inside it, else the full path.
    public static func displayPath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        var cwd = FileManager.default.currentDirectoryPath
        if !cwd.hasSuffix("/") { cwd += "/" }
        if full.hasPrefix(cwd) { return String(full.dropFirst(cwd.count)) }
        return full
    }
}

// MARK: - the parser

struct Malformed: Error {
    let line: Int
    let message: String
}

private struct StepBuilder {
    var title: String
    var line: Int
    var blocks: [Block] = []
    var hasNote = false
    var demos = 0
    var checks = 0
}

private struct Parser {
    let file: URL
    let path: String
    let text: String
    let lines: [String]
    var errors: [LessonProblem] = []
    var meta: [String: String] = [:]
    var title: String?
    var intro: [Block] = []
    var steps: [StepBuilder] = []

    // Prose / note accumulation.
    var paragraph: [String] = []
    var paragraphLine = 0
    var paragraphKind: Block.Kind = .prose

    init(text: String, file: URL, path: String) {
        self.text = text
        self.file = file
        self.path = path
        self.lines = splitLines(text)
    }

    mutating func err(_ line: Int, _ message: String) {
        errors.append(LessonProblem(file: path, line: line, message: message))
    }

    mutating func run() throws(LessonError) -> Lesson {
        var i = 0
        // --- front matter
        if lines.isEmpty || pyStrip(lines[0]) != "---" {
            err(1, "missing front matter: the file must start with a '---' line")
        } else {
            i = 1
            while i < lines.count && pyStrip(lines[i]) != "---" {
                let raw = lines[i]
                if !pyStrip(raw).isEmpty && !pyLStrip(raw).hasPrefix("#") {
                    if case let (key, rawValue)? = matchFrontMatter(raw) {
                        var value = pyStrip(rawValue)
                        if value.count >= 2, let f = value.first, f == value.last, f == "\"" || f == "'" {
                            value = String(value.dropFirst().dropLast())
                        }
                        if !LessonLoader.frontMatterKeys.contains(key) {
                            err(i + 1, "unknown front matter key \(pyRepr(key))")
                        } else if meta[key] != nil {
                            err(i + 1, "front matter key \(pyRepr(key)) given twice")
                        } else if value.isEmpty {
                            err(i + 1, "front matter key \(pyRepr(key)) has no value")
                        } else {
                            meta[key] = value
                        }
                    } else {
                        err(i + 1, "front matter line is not 'key: value': \(pyRepr(raw))")
                    }
                }
                i += 1
            }
            if i >= lines.count {
                err(1, "front matter is not closed by a '---' line")
                throw LessonError(file: path, problems: errors)
            }
            for key in ["id", "title"] where meta[key] == nil {
                err(i + 1, "front matter lacks required key \(pyRepr(key))")
            }
            if let id = meta["id"], !isValidID(id) {
                err(2, "id \(pyRepr(id)) should be lowercase letters, digits and '-'")
            }
            i += 1
        }

        // --- body
        var fence: (marker: String, line: Int, info: String)?
        var body: [String] = []
        var lastDemoInStep = false   // whether a check may attach (a demo earlier in this step)
        while i < lines.count {
            let raw = lines[i]
            let lineno = i + 1
            if let f = fence {
                let stripped = pyStrip(raw)
                if !stripped.isEmpty, let m0 = f.marker.first, stripped.allSatisfy({ $0 == m0 }),
                   stripped.count >= f.marker.count, leadingSpaces(raw) <= 3 {
                    fence = nil
                    do {
                        try handleBlock(info: f.info, line: f.line, body: body, lastDemoInStep: &lastDemoInStep)
                    } catch let e as Malformed {
                        err(e.line, e.message)
                    } catch {}
                    body = []
                } else {
                    body.append(raw)
                }
                i += 1
                continue
            }
            if case let (marker, info)? = matchFence(raw) {
                endParagraph()
                let trimmedInfo = pyStrip(info)
                if marker.first == "`" && trimmedInfo.contains("`") {
                    err(lineno, "a backtick fence's info string may not contain backticks")
                }
                fence = (marker, lineno, trimmedInfo)
                body = []
                i += 1
                continue
            }
            if raw.hasPrefix("## ") {
                endParagraph()
                let t = pyStrip(String(raw.dropFirst(3)))
                if t.isEmpty { err(lineno, "empty step heading") }
                steps.append(StepBuilder(title: t, line: lineno))
                lastDemoInStep = false
            } else if raw.hasPrefix("# ") {
                endParagraph()
                if title == nil && steps.isEmpty {
                    title = pyStrip(String(raw.dropFirst(2)))
                } else if !steps.isEmpty {
                    err(lineno, "a '# ' heading after the steps began; use '## ' for a step")
                }
            } else if raw.hasPrefix(">") {
                if !steps.isEmpty { steps[steps.count - 1].hasNote = true }
                var t = String(raw.dropFirst())
                if t.hasPrefix(" ") { t.removeFirst() }
                addLine(t, kind: .note, line: lineno)
            } else if pyStrip(raw).isEmpty {
                endParagraph()
            } else {
                addLine(raw, kind: .prose, line: lineno)
            }
            i += 1
        }
        endParagraph()
        if let f = fence { err(f.line, "code fence is never closed") }
        if title == nil { err(1, "missing '# Title' line before the first step") }
        if steps.isEmpty { err(1, "no steps: a lesson needs '## ' headings") }
        if !errors.isEmpty { throw LessonError(file: path, problems: errors) }

        var warnings: [LessonProblem] = []
        for s in steps {
            if s.demos == 0 { warnings.append(.init(file: path, line: s.line, message: "step \(pyRepr(s.title)) has no demo", isWarning: true)) }
            if s.checks == 0 { warnings.append(.init(file: path, line: s.line, message: "step \(pyRepr(s.title)) has no check", isWarning: true)) }
            if !s.hasNote { warnings.append(.init(file: path, line: s.line, message: "step \(pyRepr(s.title)) has no '>' note", isWarning: true)) }
        }
        let builtSteps = steps.enumerated().map { n, s in
            Step(number: n + 1, title: s.title, line: s.line, blocks: s.blocks)
        }
        return Lesson(url: file, path: path, id: meta["id"]!, title: meta["title"]!, summary: meta["summary"],
                      heading: title!, intro: intro, steps: builtSteps, source: text, warnings: warnings)
    }

    // MARK: prose and notes

    mutating func addLine(_ line: String, kind: Block.Kind, line lineno: Int) {
        if !paragraph.isEmpty && paragraphKind != kind { endParagraph() }
        if paragraph.isEmpty { paragraphLine = lineno; paragraphKind = kind }
        paragraph.append(line)
    }

    mutating func endParagraph() {
        guard !paragraph.isEmpty else { return }
        // A note's paragraphs are separated by bare `>` lines; keep them in one note block.
        var lines = paragraph
        while let last = lines.last, pyStrip(last).isEmpty { lines.removeLast() }
        append(Block(kind: paragraphKind, text: lines.joined(separator: "\n"), line: paragraphLine))
        paragraph = []
    }

    mutating func append(_ block: Block) {
        if steps.isEmpty { intro.append(block) } else { steps[steps.count - 1].blocks.append(block) }
    }

    // MARK: fenced blocks

    /// Records one fenced block (mirrors `handle_block` in verify_cpython.py).
    mutating func handleBlock(info: String, line: Int, body: [String], lastDemoInStep: inout Bool) throws {
        let code = body.joined(separator: "\n") + "\n"
        let words = pySplit(info, maxSplit: 1)
        guard let first = words.first, first == "python" else {
            append(Block(kind: .shown, text: code, language: words.first, line: line, codeLine: line + 1))
            return
        }
        let rest = words.count > 1 ? words[1] : ""
        let restWords = pySplit(rest, maxSplit: 1)
        guard let kind = restWords.first else {
            append(Block(kind: .shown, text: code, language: "python", line: line, codeLine: line + 1))
            return
        }
        let attrText = restWords.count > 1 ? restWords[1] : ""
        guard kind == "demo" || kind == "check" else {
            throw Malformed(line: line, message: "unknown python block kind \(pyRepr(kind)) (expected demo or check)")
        }
        let (flags, ordered) = try parseAttributes(attrText, line: line)
        let raw = Dictionary(ordered, uniquingKeysWith: { a, _ in a })
        if steps.isEmpty {
            throw Malformed(line: line, message: "python \(kind) block before the first '## ' step")
        }
        var attrs = BlockAttributes()
        if kind == "demo" {
            for f in flags where !LessonLoader.demoFlags.contains(f) {
                throw Malformed(line: line, message: "unknown demo flag \(pyRepr(f))")
            }
            attrs.deadlock = flags.contains("deadlock")
            for (k, _) in ordered where !LessonLoader.demoAttributes.contains(k) {
                throw Malformed(line: line, message: "unknown demo attribute \(pyRepr(k))")
            }
            if let t = raw["timeout"] { attrs.timeout = try positiveNumber(t, key: "timeout", line: line) }
            attrs.stdin = raw["stdin"]
            attrs.name = raw["name"]
            if let g = raw["gil"] {
                guard g == "0" || g == "1" else { throw Malformed(line: line, message: "gil= must be 0 or 1, not \(pyRepr(g))") }
                attrs.gil = g == "1"
            }
        } else {
            for f in flags where !LessonLoader.checkFlags.contains(f) {
                throw Malformed(line: line, message: "unknown check flag \(pyRepr(f))")
            }
            for (k, _) in ordered where !LessonLoader.checkAttributes.contains(k) {
                throw Malformed(line: line, message: "unknown check attribute \(pyRepr(k))")
            }
            attrs.sometimes = flags.contains("sometimes")
            if let t = raw["tries"] {
                if !attrs.sometimes {
                    throw Malformed(line: line, message: "tries= only makes sense on a 'check sometimes' block")
                }
                attrs.tries = Int(try positiveNumber(t, key: "tries", line: line, integer: true))
            }
            if let t = raw["timeout"] { attrs.timeout = try positiveNumber(t, key: "timeout", line: line) }
        }
        if pyStrip(code).isEmpty {
            throw Malformed(line: line, message: "empty python \(kind) block")
        }
        let codeLine = line + 1
        if case let (errLine, msg)? = syntaxError(code: code, codeLine: codeLine) {
            throw Malformed(line: errLine ?? line, message: "syntax error in python \(kind): \(msg)")
        }
        let block = Block(kind: kind == "demo" ? .demo : .check, text: code, language: "python",
                          attributes: attrs, line: line, codeLine: codeLine)
        if kind == "demo" {
            steps[steps.count - 1].demos += 1
            append(block)
            lastDemoInStep = true
            return
        }
        steps[steps.count - 1].checks += 1
        if !lastDemoInStep {
            throw Malformed(line: line, message: "python check block with no preceding demo in this step")
        }
        append(block)
    }

    /// Compiles `code` as the engine will run it; returns the syntax error's file line and message.
    func syntaxError(code: String, codeLine: Int) -> (Int?, String)? {
        let padded = String(repeating: "\n", count: codeLine - 1) + code
        do {
            _ = try Compiler.compile(source: padded, filename: path, mode: .exec)
            return nil
        } catch let e as SyntaxError {
            return (e.line > 0 ? e.line : nil, e.message)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// `timeout=`/`tries=` values: positive numbers (whole for `tries`).
    func positiveNumber(_ value: String, key: String, line: Int, integer: Bool = false) throws -> Double {
        let v: Double?
        if integer {
            v = Int(value.replacingOccurrences(of: "_", with: "")).map(Double.init)
        } else {
            v = Double(value.replacingOccurrences(of: "_", with: ""))
        }
        guard let n = v else {
            throw Malformed(line: line, message: "\(key)=\(pyRepr(value)) is not a \(integer ? "whole " : "")number")
        }
        if !(n > 0) { throw Malformed(line: line, message: "\(key) must be positive") }
        return n
    }

    /// Splits `a b=1 c="x y\n"` into flags and key=value attributes (mirrors `parse_attrs`).
    func parseAttributes(_ text: String, line: Int) throws -> (flags: [String], attrs: [(String, String)]) {
        var flags: [String] = []
        var attrs: [(String, String)] = []
        let cs = Array(text)
        var i = 0
        let n = cs.count
        func rest() -> String { String(cs[i...]) }
        while i < n {
            if cs[i].isWhitespace { i += 1; continue }
            guard isIdentStart(cs[i]) else {
                throw Malformed(line: line, message: "cannot read attribute at \(pyRepr(rest()))")
            }
            var j = i + 1
            while j < n && (isIdentStart(cs[j]) || cs[j].isASCII && cs[j].isNumber || cs[j] == "-") { j += 1 }
            let key = String(cs[i..<j])
            i = j
            if i < n && cs[i] == "=" {
                i += 1
                var value = ""
                if i < n && cs[i] == "\"" {
                    i += 1
                    while true {
                        if i >= n { throw Malformed(line: line, message: "unterminated quoted value for \(key)") }
                        let c = cs[i]
                        if c == "\"" { i += 1; break }
                        if c == "\\" {
                            if i + 1 >= n { throw Malformed(line: line, message: "dangling backslash in \(key)") }
                            let e = cs[i + 1]
                            switch e {
                            case "n": value.append("\n")
                            case "t": value.append("\t")
                            case "r": value.append("\r")
                            case "\\": value.append("\\")
                            case "\"": value.append("\"")
                            default: throw Malformed(line: line, message: "unknown escape \\\(e) in \(key)")
                            }
                            i += 2
                            continue
                        }
                        value.append(c)
                        i += 1
                    }
                } else {
                    var j = i
                    while j < n && !cs[j].isWhitespace && cs[j] != "\"" { j += 1 }
                    if j == i { throw Malformed(line: line, message: "missing value for \(key)") }
                    value = String(cs[i..<j])
                    i = j
                }
                if attrs.contains(where: { $0.0 == key }) {
                    throw Malformed(line: line, message: "attribute \(key) given twice")
                }
                attrs.append((key, value))
            } else {
                if i < n && !cs[i].isWhitespace {
                    throw Malformed(line: line, message: "cannot read attribute at \(pyRepr(rest()))")
                }
                flags.append(key)
            }
        }
        return (flags, attrs)
    }

    func isIdentStart(_ c: Character) -> Bool {
        c == "_" || (c.isASCII && c.isLetter)
    }

    /// `^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$`
    func matchFrontMatter(_ raw: String) -> (String, String)? {
        let cs = Array(raw)
        guard let f = cs.first, isIdentStart(f) else { return nil }
        var i = 1
        while i < cs.count && (isIdentStart(cs[i]) || cs[i].isASCII && cs[i].isNumber || cs[i] == "-") { i += 1 }
        let key = String(cs[..<i])
        while i < cs.count && cs[i].isWhitespace { i += 1 }
        guard i < cs.count, cs[i] == ":" else { return nil }
        i += 1
        while i < cs.count && cs[i].isWhitespace { i += 1 }
        return (key, String(cs[i...]))
    }

    /// `^[a-z0-9][a-z0-9-]*$`
    func isValidID(_ id: String) -> Bool {
        guard let f = id.first, f.isASCII, f.isLowercase || f.isNumber else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// `^ {0,3}(`{3,}|~{3,})(.*)$` → (marker, info).
    func matchFence(_ raw: String) -> (String, String)? {
        let cs = Array(raw)
        var i = 0
        while i < cs.count && i < 4 && cs[i] == " " { i += 1 }
        if i > 3 { return nil }
        guard i < cs.count, cs[i] == "`" || cs[i] == "~" else { return nil }
        let m = cs[i]
        var j = i
        while j < cs.count && cs[j] == m { j += 1 }
        if j - i < 3 { return nil }
        return (String(cs[i..<j]), String(cs[j...]))
    }

    func leadingSpaces(_ raw: String) -> Int {
        var n = 0
        for c in raw { if c == " " { n += 1 } else { break } }
        return n
    }
}

// MARK: - Python string helpers (so messages match the reference parser)

/// Splits on "\n" only (a "\r" stays in the line, as Python's `str.split("\n")` leaves it).
func splitLines(_ text: String) -> [String] {
    var out: [String] = []
    var current = String.UnicodeScalarView()
    for u in text.unicodeScalars {
        if u == "\n" { out.append(String(current)); current = .init() } else { current.append(u) }
    }
    out.append(String(current))
    return out
}

func isPyWhitespace(_ u: Unicode.Scalar) -> Bool {
    u.properties.isWhitespace || (0x1C...0x1F).contains(u.value)
}

/// `str.strip()`.
func pyStrip(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var a = 0, b = scalars.count
    while a < b && isPyWhitespace(scalars[a]) { a += 1 }
    while b > a && isPyWhitespace(scalars[b - 1]) { b -= 1 }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars[a..<b])
    return String(v)
}

/// `str.lstrip()`.
func pyLStrip(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var a = 0
    while a < scalars.count && isPyWhitespace(scalars[a]) { a += 1 }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars[a...])
    return String(v)
}

/// `str.split(None, maxSplit)`.
func pySplit(_ s: String, maxSplit: Int) -> [String] {
    var out: [String] = []
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
        while i < scalars.count && isPyWhitespace(scalars[i]) { i += 1 }
        if i >= scalars.count { break }
        if out.count == maxSplit {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[i...])
            out.append(pyStrip(String(v)))   // the remainder, trailing whitespace dropped (info is stripped)
            return out
        }
        var j = i
        while j < scalars.count && !isPyWhitespace(scalars[j]) { j += 1 }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[i..<j])
        out.append(String(v))
        i = j
    }
    return out
}

/// `repr(str)`, enough for messages.
func pyRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for c in s.unicodeScalars {
        switch c {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(c) == quote { out += "\\" + String(c) }
            else if c.value < 0x20 || c.value == 0x7F { out += String(format: "\\x%02x", c.value) }
            else { out.unicodeScalars.append(c) }
        }
    }
    out.append(quote)
    return out
}
