import Foundation

/// Checks a Chrome trace file's structure without trusting the code that wrote it (tests use it on
/// `ChromeTrace` output and on `interleave run --trace` files). It parses the JSON afresh and reports
/// every rule broken:
///
/// - the file is a JSON object with a `traceEvents` array of objects, each with a `ph`;
/// - every `X` has numeric `ts` and `dur ≥ 0`;
/// - every `tid` used by an event has a `thread_name` metadata record;
/// - flow ids have exactly one `s` and one `f`, the `f` has `bp: "e"` and is not earlier than its `s`;
/// - the `X` slices of one track do not overlap unless one nests inside the other.
public enum ChromeTraceCheck {
    public struct Stats: Equatable {
        public var slices = 0, instants = 0, flows = 0, threads = 0
    }

    /// Problems found (empty when the structure is sound), and counts of what is in the file.
    public static func check(_ data: Data) -> (problems: [String], stats: Stats) {
        var problems: [String] = []
        var stats = Stats()
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = root["traceEvents"] as? [Any] else {
            return (["not a JSON object with a traceEvents array"], stats)
        }
        var named = Set<String>(), used = Set<String>()
        var flowS: [String: [Double]] = [:], flowF: [String: [Double]] = [:]
        var slices: [String: [(Double, Double)]] = [:]
        func num(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }
        func key(_ v: Any?) -> String { v.map { "\($0)" } ?? "nil" }
        for (i, raw) in events.enumerated() {
            guard let e = raw as? [String: Any], let ph = e["ph"] as? String else {
                problems.append("event \(i) is not an object with a ph"); continue
            }
            let track = key(e["pid"]) + "/" + key(e["tid"])
            switch ph {
            case "M":
                if e["name"] as? String == "thread_name" {
                    if (e["args"] as? [String: Any])?["name"] is String { named.insert(track) } else {
                        problems.append("event \(i): thread_name without args.name")
                    }
                }
                continue
            case "X":
                stats.slices += 1
                guard let ts = num(e["ts"]), let dur = num(e["dur"]) else {
                    problems.append("event \(i): X without numeric ts/dur"); continue
                }
                if dur < 0 { problems.append("event \(i): X with negative dur \(dur)") }
                slices[track, default: []].append((ts, ts + dur))
            case "i", "I":
                stats.instants += 1
                if num(e["ts"]) == nil { problems.append("event \(i): instant without ts") }
            case "s", "f":
                guard let ts = num(e["ts"]), let id = e["id"] else {
                    problems.append("event \(i): flow without ts/id"); continue
                }
                if ph == "s" { flowS[key(id), default: []].append(ts) } else {
                    flowF[key(id), default: []].append(ts)
                    if e["bp"] as? String != "e" { problems.append("event \(i): flow end without bp \"e\"") }
                }
            default:
                break
            }
            used.insert(track)
        }
        for t in used.subtracting(named).sorted() { problems.append("track \(t) has no thread_name") }
        for id in Set(flowS.keys).union(flowF.keys).sorted() {
            let s = flowS[id] ?? [], f = flowF[id] ?? []
            if s.count != 1 || f.count != 1 {
                problems.append("flow \(id): \(s.count) start(s) and \(f.count) end(s)")
            } else if f[0] < s[0] {
                problems.append("flow \(id): ends (\(f[0])) before it starts (\(s[0]))")
            } else {
                stats.flows += 1
            }
        }
        for (track, list) in slices {
            // Sorted by start (longest first on ties), each slice must end before the next starts or
            // contain it entirely.
            let sorted = list.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
            var open: [Double] = []
            for (s, e) in sorted {
                while let top = open.last, top <= s { open.removeLast() }
                if let top = open.last, e > top {
                    problems.append("track \(track): slice [\(s), \(e)] overlaps one ending at \(top)")
                }
                open.append(e)
            }
        }
        stats.threads = named.count
        return (problems, stats)
    }
}
