import Foundation
/// Formats exceptions the way CPython 3.11's default excepthook does (without the `~~~^^^` markers):
/// chained exceptions first, each with its frames (most recent call last) and source lines.
extension VM {
    public func formatException(_ exc: PyBaseException) -> String {
        var out = ""
        var seen = Set<ObjectIdentifier>()
        formatChain(exc, into: &out, seen: &seen)
        return out
    }

    private func formatChain(_ exc: PyBaseException, into out: inout String, seen: inout Set<ObjectIdentifier>) {
        seen.insert(ObjectIdentifier(exc))
        if case .object(let co) = exc.cause, let cause = co as? PyBaseException, !seen.contains(ObjectIdentifier(cause)) {
            formatChain(cause, into: &out, seen: &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if !exc.suppressContext, case .object(let co) = exc.context, let ctx = co as? PyBaseException,
                  !seen.contains(ObjectIdentifier(ctx)) {
            formatChain(ctx, into: &out, seen: &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        out += formatSingle(exc)
    }

    /// One exception: its traceback and its last line.
    public func formatSingle(_ exc: PyBaseException) -> String {
        var out = ""
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for e in collapseRepeats(exc.traceback) {
                switch e {
                case .entry(let t):
                    out += "  File \"\(t.filename)\", line \(t.line), in \(t.function)\n"
                    // CPython shows no source for code that has no file (`-c`, `<stdin>`, `<string>`).
                    if !t.filename.hasPrefix("<"), let src = interp.sourceLine(t.filename, t.line) {
                        let trimmed = src.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
                            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
                        if !trimmed.isEmpty {
                            out += "    \(trimmed)\n"
                            if let carets = CaretLine.make(entry: t, source: src, stripped: trimmed) { out += carets + "\n" }
                        }
                    }
                case .repeated(let n):
                    out += "  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]\n"
                }
            }
        }
        if let display = exc.syntaxErrorDisplay { return out + display + (display.hasSuffix("\n") ? "" : "\n") }
        out += exceptionLine(exc) + "\n"
        return out
    }

    /// `TypeName: message` (or just the name when the message is empty).
    public func exceptionLine(_ exc: PyBaseException) -> String {
        let t = exc.type
        var name = t.qualname
        let mod = (t.dict.getStr("__module__")?.asObject as? PyStr)?.value ?? t.module
        if mod != "builtins" && mod != "__main__" { name = "\(mod).\(name)" }
        var msg = (try? str(.object(exc))) ?? "<exception str() failed>"
        if let ctx = exc.suggestionContext, let s = ctx.suggestion(self) { msg += ". Did you mean: '\(s)'?" }
        return msg.isEmpty ? name : "\(name): \(msg)"
    }

    private enum TBLine { case entry(TracebackEntry), repeated(Int) }

    /// CPython collapses runs of identical lines (deep recursion) after 3 repeats.
    private func collapseRepeats(_ entries: [TracebackEntry]) -> [TBLine] {
        var out: [TBLine] = []
        var i = 0
        while i < entries.count {
            let e = entries[i]
            var j = i + 1
            while j < entries.count && entries[j].filename == e.filename && entries[j].line == e.line && entries[j].function == e.function { j += 1 }
            let run = j - i
            for k in 0..<min(run, 3) { out.append(.entry(entries[i + k])) }
            if run > 3 { out.append(.repeated(run - 3)) }
            i = j
        }
        return out
    }

    /// Prints an uncaught exception to stderr (sys.excepthook's default).
    public func printException(_ exc: PyBaseException) {
        interp.stdout.flush()
        interp.stderr.write(formatException(exc), from: self)
    }
}
