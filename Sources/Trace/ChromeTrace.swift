import Foundation
import Runtime

/// Recordings as a Chrome Trace Event file (`{"traceEvents":[…]}`), which Perfetto (ui.perfetto.dev)
/// and chrome://tracing open:
///
/// - `M` metadata: the process name, and a `thread_name` (and sort index) for every thread track;
/// - `X` slices (ts/dur in µs) for each thread's states: running, waiting for the GIL, blocked on a lock,
///   joining, waiting on a condition, sleeping — consecutive and non-overlapping per track;
/// - `i` instants for releases, notifies, uncontended acquires, thread start/end, printed lines, and one
///   global instant where each recording (demo) starts;
/// - flow arrows `s` → `f` (shared `id`, `bp: "e"`) from a lock's release to the blocked acquire it
///   enabled: the latest release of that lock (by `objectID`, else label) at or after the wait began
///   and not after the acquire.
///
/// Thread idents become small track ids (1, 2, …) in order of appearance; the real ident is kept in the
/// thread's metadata args.
public struct ChromeTrace {
    public struct Entry {
        public var recording: Recording
        public var label: String
        public init(_ recording: Recording, label: String) { self.recording = recording; self.label = label }
    }

    public var entries: [Entry] = []
    /// Time zero of the file (the first recording's interpreter start, unless set).
    public var epoch: Date?
    public var processName = "interleave"

    public init(entries: [Entry] = [], epoch: Date? = nil) { self.entries = entries; self.epoch = epoch }

    /// The `traceEvents` array.
    public func traceEvents() -> [[String: Any]] {
        var all: [[String: Any]] = []
        forEachEvent { all.append($0) }
        return all
    }

    /// Produces the trace events one by one (so a big file need not be held twice in memory).
    public func forEachEvent(_ body: @escaping ([String: Any]) -> Void) {
        let pid = Int(getpid())
        let zero = epoch ?? entries.first?.recording.interpreterStart ?? Date(timeIntervalSince1970: 0)
        let out = Sink(body: body)
        out.append(["ph": "M", "name": "process_name", "pid": pid, "tid": 0, "args": ["name": processName]])
        var tids: [String: Int] = [:]
        var flowID = 0
        for entry in entries {
            let r = entry.recording
            let offset = r.interpreterStart.timeIntervalSince(zero)
            func us(_ t: Double) -> Double { ((offset + t) * 1_000_000).rounded() }
            let lanes = ThreadStates.lanes(r)
            var tidOf: [Int: Int] = [:]
            for lane in lanes {
                let key = "\(lane.thread.ident)|\(lane.thread.name)"
                let tid: Int
                if let t = tids[key] { tid = t } else {
                    tid = tids.count + 1
                    tids[key] = tid
                    out.append(["ph": "M", "name": "thread_name", "pid": pid, "tid": tid,
                                "args": ["name": lane.thread.name, "ident": lane.thread.ident]])
                    out.append(["ph": "M", "name": "thread_sort_index", "pid": pid, "tid": tid,
                                "args": ["sort_index": tid]])
                }
                tidOf[lane.thread.ident] = tid
                for i in lane.intervals {
                    let ts = us(i.start)
                    var slice: [String: Any] = ["ph": "X", "name": i.state.description,
                                                "cat": i.state.category.rawValue, "pid": pid, "tid": tid,
                                                "ts": ts, "dur": max(0, us(i.end) - ts)]
                    if let loc = i.location { slice["args"] = ["location": loc] }
                    out.append(slice)
                }
            }
            let firstTid = tidOf[r.initialThreads.first?.ident ?? -1] ?? tidOf.values.min() ?? 1
            out.append(["ph": "i", "s": "g", "name": "demo: \(entry.label)", "cat": "demo", "pid": pid,
                        "tid": firstTid, "ts": us(r.start),
                        "args": ["gil": r.gilEnabled ? "on" : "off"]])

            // Instants, and flows from a release to the acquire it let through.
            var waiting: [Int: (key: String, since: Double)] = [:]
            var releases: [String: [(time: Double, tid: Int, used: Bool)]] = [:]
            for e in r.events where e.time >= r.start {
                guard let tid = tidOf[e.thread] else { continue }
                let key = e.objectID.map { "#\($0)" } ?? (e.object ?? "?")
                func instant(_ name: String, _ cat: String, _ args: [String: Any] = [:]) {
                    var ev: [String: Any] = ["ph": "i", "s": "t", "name": name, "cat": cat, "pid": pid,
                                             "tid": tid, "ts": us(e.time)]
                    if !args.isEmpty { ev["args"] = args }
                    out.append(ev)
                }
                switch e.kind {
                case .threadStart: instant("thread start", "thread")
                case .threadEnd: instant("thread end", "thread")
                case .output: instant("print", "output", ["text": e.detail ?? ""])
                case .lockAcquire: instant("acquire \(e.object ?? "lock")", "lock")
                case .lockRelease:
                    instant("release \(e.object ?? "lock")", "lock")
                    releases[key, default: []].append((e.time, tid, false))
                case .conditionNotify: instant("notify \(e.object ?? "condition")", "condition", ["detail": e.detail ?? ""])
                case .deadlock: instant("deadlock", "deadlock", ["detail": e.detail ?? ""])
                case .note: instant(e.detail ?? "note", "note")
                case .lockTimeout:
                    instant("gave up on \(e.object ?? "lock")", "lock")
                    waiting[e.thread] = nil
                case .lockWait:
                    waiting[e.thread] = (key, e.time)
                case .lockAcquired:
                    guard let w = waiting.removeValue(forKey: e.thread),
                          let j = releases[w.key]?.lastIndex(where: { !$0.used && $0.time >= w.since && $0.time <= e.time })
                    else { continue }
                    releases[w.key]![j].used = true      // in place: no copy of a long release list
                    let release = releases[w.key]![j]
                    flowID += 1
                    let name = "\(e.object ?? "lock") handed over"
                    out.append(["ph": "s", "id": flowID, "name": name, "cat": "lock", "pid": pid,
                                "tid": release.tid, "ts": us(release.time)])
                    out.append(["ph": "f", "bp": "e", "id": flowID, "name": name, "cat": "lock", "pid": pid,
                                "tid": tid, "ts": us(e.time)])
                default: break
                }
            }
        }
    }

    /// Forwards `append`ed events to a closure (so the body above reads as if it built an array).
    private struct Sink {
        let body: ([String: Any]) -> Void
        func append(_ e: [String: Any]) { body(e) }
    }

    /// The file's bytes: one event per line. Written by hand (`JSONText`), since Foundation's
    /// JSONSerialization takes minutes and gigabytes for the million events of a lock-heavy demo.
    public func jsonData() throws -> Data {
        var text = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n"
        var first = true
        forEachEvent { e in
            if !first { text += ",\n" }
            first = false
            JSONText.append(e, to: &text)
        }
        text += "\n]}\n"
        return Data(text.utf8)
    }

    public func write(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}

/// A trace file that grows by one recording per demo or statement (REPL `:trace FILE`): the whole file
/// is rewritten after each, so it is always complete, valid JSON.
public final class ChromeTraceFile {
    public let url: URL
    private var trace = ChromeTrace()

    public init(url: URL) { self.url = url }

    public var recordingCount: Int { trace.entries.count }
    public var path: String { url.path }

    /// Writes a valid file with no recordings yet (checks early that the file can be written).
    public func writeEmpty() throws { try trace.write(to: url) }

    /// Adds a recording and rewrites the file; throws when it cannot be written.
    public func append(_ r: Recording, label: String) throws {
        trace.entries.append(.init(r, label: label))
        try trace.write(to: url)
    }
}

/// A minimal JSON writer for the values trace events hold: strings, integers, doubles, booleans and
/// nested string-keyed dictionaries (keys sorted, so files are stable).
enum JSONText {
    static func append(_ value: Any, to out: inout String) {
        switch value {
        case let s as String: appendString(s, to: &out)
        case let b as Bool: out += b ? "true" : "false"
        case let i as Int: out += String(i)
        case let d as Double:
            if d.isFinite && d == d.rounded() && abs(d) < 1e15 { out += String(Int64(d)) }
            else if d.isFinite { out += String(d) } else { out += "null" }
        case let o as [String: Any]:
            out += "{"
            var first = true
            for k in o.keys.sorted() {
                if !first { out += "," }
                first = false
                appendString(k, to: &out)
                out += ":"
                append(o[k]!, to: &out)
            }
            out += "}"
        case let a as [Any]:
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; append(v, to: &out) }
            out += "]"
        default: out += "null"
        }
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
