import Foundation
import Runtime

/// Draws a recording as one lane per thread across the terminal, so a learner sees who ran when:
///
///     timeline 0 – 1.02 s · one column ≈ 18.9 ms
///     MainThread │█░JJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJ█│ run  2% join 96%
///     Thread-1   │ ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ │ run 49% gil 50%
///                └┴─────────┴─────────┴─────────┴─────────┴─────────┴┘
///                 0         0.2       0.4       0.6       0.8       1 s
///     █ running  ▒ taking turns for the GIL  ░ waiting for the GIL  J join
///
/// Each column covers an equal slice of time and shows the state the thread spent most of it in; a
/// column where the thread both ran and waited for the GIL is drawn `▒`, which is how GIL ping-pong
/// between CPU-bound threads looks (without the GIL the same lanes are solid `█`). The column on the
/// right gives each thread's share of its lifetime running and in its main other state.
///
/// More than `maxLanes` threads: the first (the demo's main thread) and the busiest others are drawn,
/// and a line says how many were folded.
public struct TimelineRenderer {
    public var width: Int
    public var colour: Bool
    public var maxLanes: Int

    public init(width: Int = 80, colour: Bool = false, maxLanes: Int = 12) {
        self.width = width; self.colour = colour; self.maxLanes = max(2, maxLanes)
    }

    /// What a column shows.
    public enum Glyph: Character, CaseIterable {
        case running = "█", mixed = "▒", gilWait = "░", lock = "L", join = "J", condition = "C", sleep = "z"
        case absent = " "

        var legend: String {
            switch self {
            case .running: "running"
            case .mixed: "taking turns for the GIL"
            case .gilWait: "waiting for the GIL"
            case .lock: "blocked on a lock"
            case .join: "join"
            case .condition: "condition wait"
            case .sleep: "sleep"
            case .absent: "not alive"
            }
        }

        var ansi: String {
            switch self {
            case .running: Terminal.ANSI.green
            case .mixed: Terminal.ANSI.cyan
            case .gilWait: Terminal.ANSI.yellow
            case .lock: Terminal.ANSI.red
            case .join: "\u{1B}[34m"
            case .condition: "\u{1B}[35m"
            case .sleep: Terminal.ANSI.dim
            case .absent: ""
            }
        }

        static func of(_ c: ThreadState.Category) -> Glyph {
            switch c {
            case .running: .running
            case .gilWait: .gilWait
            case .lock: .lock
            case .join: .join
            case .condition: .condition
            case .sleep: .sleep
            }
        }
    }

    /// The glyph for one column, from the seconds the thread spent in each state during it.
    public static func glyph(_ times: [ThreadState.Category: Double]) -> Glyph {
        let alive = times.values.reduce(0, +)
        guard alive > 0 else { return .absent }
        let run = times[.running] ?? 0, gil = times[.gilWait] ?? 0
        if run >= 0.8 * alive { return .running }
        if run >= 0.15 * alive && gil >= 0.15 * alive && run + gil >= 0.6 * alive { return .mixed }
        let top = ThreadState.Category.allCases.max { (times[$0] ?? 0) < (times[$1] ?? 0) }!
        return Glyph.of(top)
    }

    /// Per-column glyphs of one lane over `[t0, t0 + columns * step)`.
    public static func cells(_ lane: ThreadLane, t0: Double, step: Double, columns: Int) -> [Glyph] {
        var bins = Array(repeating: [ThreadState.Category: Double](), count: columns)
        for i in lane.intervals where i.end > i.start {
            var c = max(0, Int((i.start - t0) / step))
            while c < columns {
                let cs = t0 + Double(c) * step, ce = cs + step
                if cs >= i.end { break }
                let overlap = min(ce, i.end) - max(cs, i.start)
                if overlap > 0 { bins[c][i.state.category, default: 0] += overlap }
                c += 1
            }
        }
        return bins.map(glyph)
    }

    public func render(_ r: Recording, lanes allLanes: [ThreadLane]) -> String {
        let span = r.end - r.start
        guard span > 0, !allLanes.isEmpty else { return "" }
        let (lanes, folded) = fold(allLanes)
        let a = Terminal.ANSI.self
        let names = lanes.map(\.thread.name)
        let nameW = min(max(10, width / 5), max(6, names.map(Terminal.displayWidth).max() ?? 6))
        let statsW = 18
        let columns = max(10, width - nameW - 2 - 1 - 1 - statsW)
        let step = span / Double(columns)

        var out = ""
        out += paint("timeline of \(RunSummary.duration(span)) · one column ≈ \(RunSummary.duration(step))", a.bold) + "\n"
        var used = Set<Glyph>()
        for lane in lanes {
            let cells = TimelineRenderer.cells(lane, t0: r.start, step: step, columns: columns)
            used.formUnion(cells)
            var row = pad(lane.thread.name, nameW)
            if colour { row = Terminal.colour(forThread: lane.thread.name) + row + a.reset }
            row += " │" + draw(cells) + "│ " + stats(lane)
            out += row + "\n"
        }
        out += axis(nameW: nameW, columns: columns, span: span)
        if folded.count > 0 {
            let ran = folded.reduce(0) { $0 + ($1.totals[.running] ?? 0) }
            out += "… \(folded.count) more thread\(folded.count == 1 ? "" : "s") not drawn "
                + "(they ran \(RunSummary.duration(ran)) in all)\n"
        }
        out += legend(used)
        return out
    }

    /// Keeps the first lane and the busiest others, in their original order.
    func fold(_ lanes: [ThreadLane]) -> ([ThreadLane], [ThreadLane]) {
        guard lanes.count > maxLanes else { return (lanes, []) }
        func busy(_ l: ThreadLane) -> Double {
            let t = l.totals
            return (t[.running] ?? 0) * 1000 + (l.lifetime - (t[.sleep] ?? 0))
        }
        let rest = lanes.indices.dropFirst().sorted { busy(lanes[$0]) > busy(lanes[$1]) }
        let keep = Set([0] + rest.prefix(maxLanes - 1))
        return (lanes.indices.filter { keep.contains($0) }.map { lanes[$0] },
                lanes.indices.filter { !keep.contains($0) }.map { lanes[$0] })
    }

    func draw(_ cells: [Glyph]) -> String {
        guard colour else { return String(cells.map(\.rawValue)) }
        var s = "", current: Glyph? = nil
        for g in cells {
            if g != current { s += Terminal.ANSI.reset + g.ansi; current = g }
            s.append(g.rawValue)
        }
        return s + Terminal.ANSI.reset
    }

    /// `run 49% gil 50%`: the share of the thread's lifetime running and in its main other state.
    func stats(_ lane: ThreadLane) -> String {
        let life = lane.lifetime
        guard life > 0 else { return "" }
        let t = lane.totals
        var s = String(format: "run %3.0f%%", 100 * (t[.running] ?? 0) / life)
        let short: [ThreadState.Category: String] = [.gilWait: "gil", .lock: "lock", .join: "join",
                                                     .condition: "cond", .sleep: "sleep"]
        if let (c, v) = t.filter({ $0.key != .running }).max(by: { $0.value < $1.value }), v / life >= 0.01 {
            s += String(format: " %@ %2.0f%%", short[c]!, 100 * v / life)
        }
        return paint(s, Terminal.ANSI.dim)
    }

    /// The time axis under the lanes: ticks at round times, labelled where they fit.
    func axis(nameW: Int, columns: Int, span: Double) -> String {
        let stepT = TimelineRenderer.niceStep(span: span, columns: columns)
        var ticks: [(Int, Double)] = []
        var t = 0.0
        while t <= span * (1 + 1e-9) {
            let col = min(columns - 1, Int((t / span * Double(columns)).rounded(.down)))
            ticks.append((col, t))
            t += stepT
        }
        var line = Array(repeating: Character("─"), count: columns)
        for (c, _) in ticks { line[c] = "┴" }
        var labels = Array(repeating: Character(" "), count: columns + 12)
        var free = 0
        for (c, v) in ticks {
            let text = axisLabel(v, span: span)
            guard c >= free, c + text.count <= labels.count else { continue }
            for (k, ch) in text.enumerated() { labels[c + k] = ch }
            free = c + text.count + 1
        }
        let indent = String(repeating: " ", count: nameW + 1)
        let labelText = String(labels).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        return paint(indent + "└" + String(line) + "┘", Terminal.ANSI.dim) + "\n"
            + paint(indent + " " + labelText + " " + unit(span), Terminal.ANSI.dim) + "\n"
    }

    /// A round tick spacing (1, 2, 2.5 or 5 × 10ⁿ seconds) leaving at least ~10 columns between ticks.
    static func niceStep(span: Double, columns: Int) -> Double {
        let raw = span * 10 / Double(max(columns, 1))
        let mag = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * mag >= raw { return m * mag }
        return 10 * mag
    }

    func unit(_ span: Double) -> String { span < 1 ? "ms" : "s" }

    func axisLabel(_ t: Double, span: Double) -> String {
        let v = span < 1 ? t * 1000 : t
        var s = String(format: "%.3f", v)
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        return s
    }

    func legend(_ used: Set<Glyph>) -> String {
        var items: [String] = []
        for g in Glyph.allCases where g != .absent && (used.contains(g) || g == .running) {
            items.append((colour ? g.ansi + String(g.rawValue) + Terminal.ANSI.reset : String(g.rawValue)) + " " + g.legend)
        }
        if used.contains(.absent) { items.append("blank: not alive yet / any more") }
        var lines: [String] = [], line = ""
        for item in items {
            let w = Terminal.displayWidth(item)
            if !line.isEmpty && Terminal.displayWidth(line) + 2 + w > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : "  ") + item
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0 + "\n" }.joined()
    }

    func pad(_ s: String, _ w: Int) -> String {
        var t = s
        if Terminal.displayWidth(t) > w { t = String(t.prefix(w - 1)) + "…" }
        return t + String(repeating: " ", count: max(0, w - Terminal.displayWidth(t)))
    }

    func paint(_ s: String, _ code: String) -> String { colour ? code + s + Terminal.ANSI.reset : s }
}
