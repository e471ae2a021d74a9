import Syntax

/// CPython 3.11's error-location markers under a traceback's source line (Lib/traceback.py,
/// `format_frame_summary` and `_extract_caret_anchors_from_line_segment`): `^^^^` under the failing
/// expression when it is shorter than the line, or `~~^~~` with the operator of a binary operation
/// (or the brackets of a subscript) picked out.
enum CaretLine {
    static func make(entry t: TracebackEntry, source: String, stripped: String) -> String? {
        guard t.column >= 0, t.endColumn >= 0 else { return nil }
        let chars = Array(source)
        let leading = chars.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.count
        let start = t.column
        var end = t.endColumn
        let strippedCount = stripped.count
        var anchors: (left: Int, right: Int)?
        if t.endLine == t.line {
            guard start <= end, end <= chars.count else { return nil }
            anchors = extractAnchors(String(chars[start..<end]))
        } else {
            end = leading + strippedCount
        }
        guard start >= leading else { return nil }
        let width = end - start
        let showAnchors = anchors.map { $0.right - $0.left > 0 } ?? false
        guard width < strippedCount || showAnchors else { return nil }
        var line = "    " + String(repeating: " ", count: start - leading)
        if let a = anchors {
            line += String(repeating: "~", count: a.left)
            line += String(repeating: "^", count: a.right - a.left)
            line += String(repeating: "~", count: max(0, width - a.right))
        } else {
            line += String(repeating: "^", count: max(0, width))
        }
        return line
    }

    /// For a segment that is a binary operation or a subscript: where the markers switch from `~`
    /// to `^` and back (character offsets into the segment).
    static func extractAnchors(_ segment: String) -> (left: Int, right: Int)? {
        guard let module = try? Parser.parseModule(segment, filename: "<segment>"), module.body.count == 1,
              case .expr(let e) = module.body[0].kind else { return nil }
        let chars = Array(segment)
        switch e.kind {
        case .binOp(let left, _, let right):
            guard left.loc.endLine == 1, right.loc.line == 1 else { return nil }
            let opStart = left.loc.endColumn, opEnd = right.loc.column
            guard opStart <= opEnd, opEnd <= chars.count else { return nil }
            let opStr = chars[opStart..<opEnd]
            let offset = opStr.prefix { $0 == " " || $0 == "\t" }.count
            let leftAnchor = opStart + offset
            var rightAnchor = leftAnchor + 1
            if offset + 1 < opStr.count, !opStr[opStart + offset + 1].isWhitespace { rightAnchor += 1 }
            return (leftAnchor, rightAnchor)
        case .subscript(let value, let slice):
            guard value.loc.endLine == 1, slice.loc.endLine == 1 else { return nil }
            return (value.loc.endColumn, slice.loc.endColumn + 1)
        default:
            return nil
        }
    }
}
