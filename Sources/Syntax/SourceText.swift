// `SourceText`, in its own file because the lexer, the parser and the
// f-string parser all share it.

/// The normalized source: scalars plus line starts, shared by the lexer,
/// the parser and the f-string parser.
final class SourceText: @unchecked Sendable {
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line; lineStarts[0] is line 1.
    let lineStarts: [Int]

    init(_ source: String) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.utf8.count)
        var starts = [0]
        var prevCR = false
        for s in source.unicodeScalars {
            if s == "\r" {
                out.append("\n")
                starts.append(out.count)
                prevCR = true
                continue
            }
            if s == "\n" {
                if prevCR { prevCR = false; continue }
                out.append("\n")
                starts.append(out.count)
                continue
            }
            prevCR = false
            out.append(s)
        }
        scalars = out
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// Text of a 1-based line, including the trailing newline if present.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let s = lineStarts[line - 1]
        let e = line < lineStarts.count ? lineStarts[line] : scalars.count
        var str = ""
        str.unicodeScalars.append(contentsOf: scalars[s..<e])
        return str
    }

    /// Length in scalars of a line, excluding its newline.
    func lineLength(_ line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        let s = lineStarts[line - 1]
        var e = line < lineStarts.count ? lineStarts[line] : scalars.count
        if e > s, scalars[e - 1] == "\n" { e -= 1 }
        return e - s
    }

    func string(_ start: Int, _ end: Int) -> String {
        var str = ""
        str.unicodeScalars.append(contentsOf: scalars[start..<end])
        return str
    }
}
