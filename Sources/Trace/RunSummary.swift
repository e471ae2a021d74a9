import Foundation
import Runtime

/// The numbers shown after each demo: how long it took, how much CPU it used, how many threads ran and
/// how many at once, and where threads waited (locks, the GIL).
public struct RunSummary: Sendable, Equatable {
    public var wallSeconds: Double
    public var cpuSeconds: Double?
    public var gilEnabled: Bool
    public var threadsStarted: Int
    /// Most threads running bytecode at the same moment (1 with the GIL, by construction). Without the
    /// GIL this counts threads that were runnable at once; at most `cores` of them can really run.
    public var peakParallelism: Int
    /// The machine's cores: `render` does not claim more parallelism than that ("peak parallelism 2 (5
    /// runnable)" when five threads were ready to run at once on two cores).
    public var cores = ProcessInfo.processInfo.activeProcessorCount
    /// Contended lock acquires (`lockWait`), how many gave up (`lockTimeout`), and their waits.
    public var lockWaits: Int
    public var lockTimeouts: Int
    public var totalLockWait: Double
    public var longestLockWait: Double
    /// The lock and thread of the longest wait.
    public var longestLock: String?
    public var longestWaiter: String?
    /// The lock waited on longest in total, if waits were spread over several.
    public var mostWaitedLock: String?
    /// GIL hand-overs (`gilAcquired` after a wait or drop) and the time threads spent runnable without it.
    public var gilSwitches: Int
    public var gilWaitSeconds: Double
    /// Events the recorder had no room for (the counts above cover the recorded part only).
    public var droppedEvents: Int
    public var recordedUntil: Double?

    public init(_ r: Recording, lanes: [ThreadLane]? = nil) {
        let lanes = lanes ?? ThreadStates.lanes(r)
        wallSeconds = r.wallSeconds
        cpuSeconds = r.cpuSeconds
        gilEnabled = r.gilEnabled
        threadsStarted = r.events.filter { $0.kind == .threadStart }.count
        peakParallelism = ThreadStates.peakParallelism(lanes)
        var waits = 0, timeouts = 0, total = 0.0, longest = 0.0
        var longestLock: String?, longestWaiter: String?
        var perLock: [String: Double] = [:]
        var waitingSince: [Int: (Double, String)] = [:]
        var switches = 0
        var nesting = ThreadStates.Nesting()
        for e in r.events {
            if nesting.isMachinery(e) { continue }
            switch e.kind {
            case .lockWait:
                waits += 1
                waitingSince[e.thread] = (e.time, e.object ?? "?")
            case .lockAcquired, .lockTimeout:
                if e.kind == .lockTimeout && e.detail != TraceEvent.interruptedDetail { timeouts += 1 }
                guard let (since, label) = waitingSince.removeValue(forKey: e.thread) else { continue }
                let d = e.time - since
                total += d
                perLock[label, default: 0] += d
                if d >= longest { longest = d; longestLock = label; longestWaiter = e.threadName }
            case .gilAcquired:
                switches += 1
            default: break
            }
        }
        lockWaits = waits; lockTimeouts = timeouts; totalLockWait = total; longestLockWait = longest
        self.longestLock = longestLock; self.longestWaiter = longestWaiter
        mostWaitedLock = perLock.count > 1 ? perLock.max { $0.value < $1.value }?.key : nil
        gilSwitches = switches
        droppedEvents = r.droppedEvents
        recordedUntil = r.recordedUntil.map { $0 - r.start }
        gilWaitSeconds = lanes.reduce(0) { $0 + ($1.totals[.gilWait] ?? 0) }
    }

    /// A few short lines, wrapped to `width`, e.g.
    ///
    ///     ── wall 1.02 s · CPU 1.98 s (1.9× wall) · GIL off · 2 threads started · peak parallelism 2
    ///        lock waits: 3, 12.4 ms in all · longest 8.1 ms (Thread-2 on L1)
    public func render(colour: Bool, width: Int = 80) -> String {
        var head = ["wall \(Self.duration(wallSeconds))"]
        if let cpu = cpuSeconds {
            head.append("CPU \(Self.duration(cpu))"
                        + (wallSeconds >= 0.02 ? String(format: " (%.1f× wall)", cpu / wallSeconds) : ""))
        }
        head += ["GIL \(gilEnabled ? "on" : "off")",
                 "\(threadsStarted) thread\(threadsStarted == 1 ? "" : "s") started",
                 peakParallelism > cores
                    ? "peak parallelism \(cores) (\(peakParallelism) runnable)"
                    : "peak parallelism \(peakParallelism)"]
        var groups = [head]
        if lockWaits == 0 {
            groups.append(["lock waits: none (every acquire found its lock free)"])
        } else {
            var g = ["lock waits: \(lockWaits), \(Self.duration(totalLockWait)) in all"]
            if let lock = longestLock, let who = longestWaiter {
                g.append("longest \(Self.duration(longestLockWait)) (\(who) on \(lock))")
            }
            if let most = mostWaitedLock { g.append("most waited-for: \(most)") }
            if lockTimeouts > 0 { g.append("\(lockTimeouts) timed out") }
            groups.append(g)
        }
        if gilEnabled && gilSwitches > 0 {
            groups.append(["GIL: \(gilSwitches) hand-over\(gilSwitches == 1 ? "" : "s")",
                           "threads waited \(Self.duration(gilWaitSeconds)) for it (runnable, not running)"])
        }
        if droppedEvents > 0 {
            groups.append(["recorder full after \(Self.duration(recordedUntil ?? 0)): \(droppedEvents) later events "
                           + "not recorded (counts and timeline cover the recorded part)"])
        }
        var lines: [String] = []
        for (i, group) in groups.enumerated() {
            var line = i == 0 ? "── " : "   "
            var fresh = true
            for item in group {
                if !fresh && Terminal.displayWidth(line) + 3 + Terminal.displayWidth(item) > width {
                    lines.append(line)
                    line = "   "
                    fresh = true
                }
                line += (fresh ? "" : " · ") + item
                fresh = false
            }
            lines.append(line)
        }
        let a = Terminal.ANSI.self
        return lines.map { (colour ? a.dim + $0 + a.reset : $0) + "\n" }.joined()
    }

    /// `850 µs`, `4.2 ms`, `1.23 s`.
    public static func duration(_ s: Double) -> String {
        if s < 0.001 { return String(format: "%.0f µs", s * 1_000_000) }
        if s < 1 { return String(format: "%.1f ms", s * 1000) }
        return String(format: "%.2f s", s)
    }
}
