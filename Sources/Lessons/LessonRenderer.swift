import Foundation
import Trace

/// Turns lesson Markdown into terminal text: bold headings, indented and labelled code blocks, notes
/// prefixed `│`. With `colour`, `**bold**` is bold, `` `code` `` is cyan and labels are dim; without
/// it the prose is left as written (Markdown reads well as plain text).
public struct LessonRenderer: Sendable {
    public var colour: Bool
    /// Spaces before each code line.
    public var codeIndent = 4

    public init(colour: Bool) { self.colour = colour }

    /// Front matter title, summary, the `# Title` line and the introduction prose.
    public func renderIntro(_ lesson: Lesson) -> String {
        var parts: [String] = []
        var head = bold(lesson.title)
        if let s = lesson.summary { head += "\n" + dim(s) }
        parts.append(head)
        parts.append(bold("# " + lesson.heading) + dim("  (\(lesson.steps.count) steps)"))
        parts += lesson.intro.map(renderBlock)
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One step: `Step N/M · Title`, then its blocks in file order (notes only when `includeNotes`).
    public func render(_ step: Step, of lesson: Lesson, includeNotes: Bool = true) -> String {
        var parts = [bold("Step \(step.number)/\(lesson.steps.count) · \(step.title)")]
        for b in step.blocks where includeNotes || b.kind != .note {
            parts.append(renderBlock(b))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The step's notes, each line prefixed `│ ` (empty string when it has none).
    public func renderNotes(_ step: Step) -> String {
        let notes = step.notes
        if notes.isEmpty { return "" }
        return notes.map(renderBlock).joined(separator: "\n\n") + "\n"
    }

    public func renderBlock(_ b: Block) -> String {
        switch b.kind {
        case .prose:
            return b.text.split(separator: "\n", omittingEmptySubsequences: false).map { renderProseLine(String($0)) }
                .joined(separator: "\n")
        case .note:
            let bar = colour ? Terminal.ANSI.dim + "│" + Terminal.ANSI.reset : "│"
            return b.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty ? bar : bar + " " + inline(String(line))
            }.joined(separator: "\n")
        case .demo:
            var label = "▶ demo"
            if let n = b.attributes.name { label += " \(n)" }
            var extras: [String] = []
            if let s = b.attributes.stdin { extras.append("stdin: \(pyRepr(s))") }
            if let t = b.attributes.timeout { extras.append("timeout \(formatSeconds(t))") }
            if !extras.isEmpty { label += " (" + extras.joined(separator: ", ") + ")" }
            return codeBlock(label: label, code: b.text)
        case .check:
            var label = "✓ check"
            if b.attributes.sometimes { label += " (sometimes: up to \(b.attributes.effectiveTries) tries)" }
            return codeBlock(label: label, code: b.text)
        case .shown:
            return codeBlock(label: "(shown, not run)", code: b.text)
        }
    }

    func codeBlock(label: String, code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let pad = String(repeating: " ", count: codeIndent)
        let body = lines.map { line -> String in
            let l = line.replacingOccurrences(of: "\t", with: "    ")
            return l.isEmpty ? "" : pad + l
        }
        return ([String(repeating: " ", count: max(0, codeIndent - 2)) + dim(label)] + body).joined(separator: "\n")
    }

    func renderProseLine(_ line: String) -> String {
        if line.hasPrefix("#") {
            let level = line.prefix(while: { $0 == "#" }).count
            let rest = line.dropFirst(level)
            if rest.hasPrefix(" ") { return bold(String(rest.dropFirst())) }
        }
        return inline(line)
    }

    /// `**bold**` and `` `code` `` spans, when colouring.
    func inline(_ s: String) -> String {
        guard colour else { return s }
        var out = ""
        var i = s.startIndex
        var inCode = false
        var inBold = false
        while i < s.endIndex {
            let c = s[i]
            if c == "`" {
                inCode.toggle()
                out += inCode ? Terminal.ANSI.cyan : Terminal.ANSI.reset + (inBold ? Terminal.ANSI.bold : "")
                i = s.index(after: i)
                continue
            }
            if !inCode && c == "*" && s[i...].hasPrefix("**") {
                inBold.toggle()
                out += inBold ? Terminal.ANSI.bold : Terminal.ANSI.reset
                i = s.index(i, offsetBy: 2)
                continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        if inCode || inBold { out += Terminal.ANSI.reset }
        return out
    }

    func bold(_ s: String) -> String { colour ? Terminal.ANSI.bold + s + Terminal.ANSI.reset : s }
    func dim(_ s: String) -> String { colour ? Terminal.ANSI.dim + s + Terminal.ANSI.reset : s }
}
