import Foundation

/// One lesson file, parsed: front matter, the `# Title` and its introduction, and the `##` steps.
///
/// The format (see `Lessons/tools/verify_cpython.py`, the reference parser, and
/// `/work/shared/design/lessons.md`):
///
/// - front matter between `---` lines at the very top: `id:` and `title:` required, `summary:` optional;
/// - a `# Title` line, prose, then steps, each starting at a `## Heading`;
/// - fenced blocks: ```` ```python demo [deadlock] [timeout=S] [stdin="..."] [name=ID] ```` runs live;
///   ```` ```python check [sometimes] [tries=N] [timeout=S] ```` asserts a claim about the preceding
///   demo of the same step (`demo_output` holds what that demo printed); plain ```` ```python ```` and
///   other languages are shown, not run;
/// - `>` blockquotes are notes, shown after the demo's output.
public struct Lesson: Sendable {
    /// The file as given to the loader.
    public let url: URL
    /// The path used in messages (`file:line`): relative to the current directory when inside it.
    public let path: String
    /// Front matter `id:` (lowercase letters, digits and `-`).
    public let id: String
    /// Front matter `title:`.
    public let title: String
    /// Front matter `summary:`, if any.
    public let summary: String?
    /// The text of the `# Title` line.
    public let heading: String
    /// Prose, shown code and notes between the `# Title` line and the first step.
    public let intro: [Block]
    /// The `##` steps, in file order (at least one).
    public let steps: [Step]
    /// The whole file, for tracebacks that point into it.
    public let source: String
    /// Things worth fixing that do not stop the lesson (a step without a demo, check or note).
    public let warnings: [LessonProblem]

    public init(url: URL, path: String, id: String, title: String, summary: String?, heading: String,
                intro: [Block], steps: [Step], source: String, warnings: [LessonProblem]) {
        self.url = url; self.path = path; self.id = id; self.title = title; self.summary = summary
        self.heading = heading; self.intro = intro; self.steps = steps; self.source = source
        self.warnings = warnings
    }

    /// Every `python demo` block in the lesson.
    public var demos: [Block] { steps.flatMap(\.demos) }
    /// Every `python check` block in the lesson.
    public var checks: [Block] { steps.flatMap(\.checks) }
}

/// One `## Heading` section: what the REPL shows at a time.
public struct Step: Sendable {
    /// 1-based position in the lesson.
    public let number: Int
    /// The heading text after `## `.
    public let title: String
    /// 1-based line of the `## ` heading.
    public let line: Int
    /// Everything in the step, in file order: prose, notes, demos, checks, shown code.
    public let blocks: [Block]

    public init(number: Int, title: String, line: Int, blocks: [Block]) {
        self.number = number; self.title = title; self.line = line; self.blocks = blocks
    }

    public var demos: [Block] { blocks.filter { $0.kind == .demo } }
    public var checks: [Block] { blocks.filter { $0.kind == .check } }
    public var notes: [Block] { blocks.filter { $0.kind == .note } }

    /// Each demo with the checks that follow it (before the next demo). Checks always have a demo:
    /// the loader rejects a check before the step's first demo.
    public var groups: [DemoGroup] {
        var out: [DemoGroup] = []
        for b in blocks {
            switch b.kind {
            case .demo: out.append(DemoGroup(demo: b, checks: []))
            case .check: if !out.isEmpty { out[out.count - 1].checks.append(b) }
            default: break
            }
        }
        return out
    }
}

/// A demo and the checks that make claims about it.
public struct DemoGroup: Sendable {
    public var demo: Block
    public var checks: [Block]

    public init(demo: Block, checks: [Block]) { self.demo = demo; self.checks = checks }

    /// How many times the group may run: the largest `tries` of its `sometimes` checks (default 5),
    /// or 1 when none is marked `sometimes`.
    public var tries: Int {
        let ts = checks.filter(\.attributes.sometimes).map(\.attributes.effectiveTries)
        return ts.max() ?? 1
    }
}

/// A piece of a lesson.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Markdown prose (paragraphs, lists, `###` subheadings), text as written.
        case prose
        /// `python demo`: runs live in the lesson's namespace.
        case demo
        /// `python check`: a claim, run after the demo.
        case check
        /// A fenced block that is not run (plain `python`, or another language).
        case shown
        /// A `>` blockquote; `text` has the `> ` markers removed.
        case note
    }

    public let kind: Kind
    /// The code (ending in a newline) for fenced blocks; the text for prose and notes.
    public let text: String
    /// The fence's language for fenced blocks (`python`, `text`, … or nil for a bare fence).
    public let language: String?
    /// Attributes from the fence line (only demos and checks have any).
    public let attributes: BlockAttributes
    /// 1-based line where the block starts (the opening fence for fenced blocks).
    public let line: Int
    /// 1-based line of the first line of `text` (the line after the fence for code).
    public let codeLine: Int

    public init(kind: Kind, text: String, language: String? = nil, attributes: BlockAttributes = .init(),
                line: Int, codeLine: Int? = nil) {
        self.kind = kind; self.text = text; self.language = language; self.attributes = attributes
        self.line = line; self.codeLine = codeLine ?? line
    }

    /// The code of a fenced block (same as `text`).
    public var code: String { text }
    public var isRunnable: Bool { kind == .demo || kind == .check }
}

/// Attributes on a `python demo` / `python check` fence line.
public struct BlockAttributes: Sendable, Equatable {
    /// `timeout=S` (seconds, positive): demo or check is interrupted after this long.
    public var timeout: Double?
    /// `stdin="..."` (demo): what `input()` reads, escapes `\n \t \r \\ \"` decoded.
    public var stdin: String?
    /// `name=ID` (demo): a label for the demo.
    public var name: String?
    /// `gil=0|1` (demo): run this demo with the GIL off or on (then switch back); nil keeps the mode.
    public var gil: Bool?
    /// `sometimes` (check): the claim holds only sometimes (a race); the demo and its checks are
    /// retried up to `tries` times.
    public var sometimes: Bool
    /// `tries=N` (check, only with `sometimes`).
    public var tries: Int?
    /// `deadlock` (demo): the demo is expected to deadlock. It succeeds only if the deadlock detector
    /// stopped it; its checks see the report as `deadlock_report` (None when there was no deadlock).
    public var deadlock: Bool = false

    public init(timeout: Double? = nil, stdin: String? = nil, name: String? = nil,
                sometimes: Bool = false, tries: Int? = nil) {
        self.timeout = timeout; self.stdin = stdin; self.name = name
        self.sometimes = sometimes; self.tries = tries
    }

    /// Default time limit for a demo or a check, as the CPython verifier uses.
    public static let defaultTimeout: Double = 10
    /// Default `tries` for a `sometimes` check.
    public static let defaultTries = 5

    /// `tries`, or the default for `sometimes` checks, or 1.
    public var effectiveTries: Int { sometimes ? (tries ?? BlockAttributes.defaultTries) : 1 }
    /// `timeout`, or the default.
    public var effectiveTimeout: Double { timeout ?? BlockAttributes.defaultTimeout }
}

/// One thing wrong with a lesson file, reported as `file:line: message`.
public struct LessonProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line.
    public let line: Int
    public let message: String
    /// Warnings do not stop the lesson from loading.
    public let isWarning: Bool

    public init(file: String, line: Int, message: String, isWarning: Bool = false) {
        self.file = file; self.line = line; self.message = message; self.isWarning = isWarning
    }

    /// `file:line: message` (`file:line: warning: message` for warnings).
    public var description: String { "\(file):\(line): \(isWarning ? "warning: " : "")\(message)" }
}

/// A lesson that could not be loaded: every problem found in it, sorted by line.
public struct LessonError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [LessonProblem]

    public init(file: String, problems: [LessonProblem]) {
        self.file = file
        self.problems = problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    /// One `file:line: message` per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
