import Foundation
import Runtime

/// Finds deadlocks among a program's threads, reports them and stops the program's threads.
///
/// The wait-for graph is kept only for threads that actually block: `blockingAcquire` registers a wait
/// after the uncontended fast path failed (Lock, RLock, and through them `join()` and `Condition.wait`,
/// which threading.py builds from locks), so uncontended locking costs nothing here. While any thread
/// waits, a watcher thread looks at the graph five times a second:
///
/// - a **cycle**: each thread waits for a lock held by the next (a join waits for the joined thread);
/// - **everyone stuck**: every live Python thread waits without a timeout for a lock that is held, or on a
///   Condition, and no thread is starting — nothing is left that could wake any of them.
///
/// A cycle through a plain Lock counts only when everyone is stuck as well: any thread may release a
/// Lock, so one that is still running (or sleeping, or waiting with a timeout) could break the cycle.
/// Cycles of owner-only waits (RLocks, joins) are reported whatever the other threads do.
///
/// Waits with a timeout can end by themselves and never count; sleeping, running, or I/O-bound threads
/// are not registered, so they keep "everyone stuck" from firing. A finding is reported only once the
/// same waits on the same lock generations were seen on three polls in a row (0.4 s unchanged), so a
/// wait that is about to end (the lock was just released) is never reported.
///
/// Reporting: the text (see `DeadlockReport`) is written to the interpreter's stderr, stored in
/// `Interpreter.deadlockReport`, emitted as `.deadlock` trace events (one per blocked thread), and
/// every thread is aborted (`Interpreter.abortAll`): blocked waits raise SystemExit("demo aborted"),
/// `with` blocks release their locks and the threads unwind. Runners read `deadlockReport` to tell
/// this SystemExit from the program's own.
public final class DeadlockDetector: @unchecked Sendable {
    struct Wait {
        let id: Int
        let vm: VM
        let lock: DetectableLock
        let timed: Bool
    }

    private struct State {
        var waits: [ObjectIdentifier: Wait] = [:]
        var nextID = 1
        /// Threads spawned but not yet running Python code (they may wake someone).
        var starting = 0
        var watching = false
        /// Threads waiting for the others outside any primitive (`whileIdle`), by ident.
        var idle: [Int: Int] = [:]
    }

    private let state = Locked(State())
    private weak var interp: Interpreter?
    /// Seconds between two looks at the graph.
    static let pollInterval = 0.2
    /// How many consecutive identical findings make a report.
    static let confirmations = 3

    init(interp: Interpreter) { self.interp = interp }

    /// The interpreter's detector (created on first use).
    public static func of(_ interp: Interpreter) -> DeadlockDetector {
        interp.threadServices.withLock { slot in
            if let d = slot as? DeadlockDetector { return d }
            let d = DeadlockDetector(interp: interp)
            slot = d
            return d
        }
    }

    // MARK: registration (called by blocking primitives)

    /// Records that `vm` is about to block on `lock`; returns a token for `endWait`.
    func beginWait(_ vm: VM, lock: DetectableLock, timed: Bool) -> Int {
        let (id, startWatcher) = state.withLock { s -> (Int, Bool) in
            let id = s.nextID
            s.nextID += 1
            s.waits[ObjectIdentifier(vm)] = Wait(id: id, vm: vm, lock: lock, timed: timed)
            let start = !s.watching
            s.watching = true
            return (id, start)
        }
        if startWatcher {
            let t = Thread { [self] in watch() }
            t.name = "interleave-deadlock-detector"
            t.start()
        }
        return id
    }

    func endWait(_ vm: VM, _ token: Int) {
        state.withLock { s in
            if s.waits[ObjectIdentifier(vm)]?.id == token { s.waits[ObjectIdentifier(vm)] = nil }
        }
    }

    /// Runs `body` (a wait for the program's other threads, with the GIL released, outside any primitive:
    /// a lesson player waiting for a `demo deadlock` demo's threads) with `vm` counted as stuck: it runs
    /// no Python code meanwhile, so it cannot release a lock the others wait for.
    public func whileIdle<R>(_ vm: VM, _ body: () throws -> R) rethrows -> R {
        let ident = vm.ident
        state.withLock { $0.idle[ident, default: 0] += 1 }
        defer {
            state.withLock { s in
                let n = (s.idle[ident] ?? 1) - 1
                s.idle[ident] = n > 0 ? n : nil
            }
        }
        return try body()
    }

    /// A thread is being spawned (until `threadStarted`).
    func threadStarting() { state.withLock { $0.starting += 1 } }
    func threadStarted() { state.withLock { $0.starting -= 1 } }

    // MARK: watching

    private func watch() {
        var last: [Int] = []
        var seen = 0
        var idlePolls = 0
        while true {
            Thread.sleep(forTimeInterval: DeadlockDetector.pollInterval)
            let (waits, starting, idle) = state.withLock { s in (Array(s.waits.values), s.starting, Set(s.idle.keys)) }
            if waits.isEmpty {
                idlePolls += 1
                // Stop after a quiet second; the next blocking wait starts a new watcher.
                if idlePolls >= 5 {
                    let stop = state.withLock { s -> Bool in
                        if s.waits.isEmpty { s.watching = false; return true }
                        return false
                    }
                    if stop { return }
                }
                last = []; seen = 0
                continue
            }
            idlePolls = 0
            guard let interp else { state.withLock { $0.watching = false }; return }
            guard let finding = DeadlockGraph(waits: waits, live: interp.liveVMs, starting: starting, idle: idle).finding() else {
                last = []; seen = 0
                continue
            }
            if finding.signature == last { seen += 1 } else { last = finding.signature; seen = 1 }
            if seen >= DeadlockDetector.confirmations {
                report(finding, interp: interp)
                last = []; seen = 0
            }
        }
    }

    private func report(_ finding: DeadlockGraph.Finding, interp: Interpreter) {
        let nodes = finding.nodes + finding.others
        // The report reads the stuck threads' frames. Build it under the state lock, after checking
        // every wait is still registered: a thread woken meanwhile (Ctrl-C) blocks in `endWait` before
        // it can unwind a single frame, so none of them changes while it is read.
        let built: (text: String, locations: [String?], waitedFor: [String])? = state.withLock { s in
            for n in nodes where s.waits[ObjectIdentifier(n.vm)]?.id != n.waitID { return nil }
            let report = DeadlockReport(finding: finding)
            return (report.text, nodes.map { $0.vm.currentLocation }, nodes.map(report.waitedFor))
        }
        guard let (text, locations, waitedFor) = built else { return }
        let first = interp.deadlockReport.withLock { r -> Bool in
            if r != nil { return false }
            r = text
            return true
        }
        if first {
            interp.stderr.write(text, from: nil)
            interp.stderr.flush()
            if interp.eventSink != nil {
                for ((node, location), object) in zip(zip(nodes, locations), waitedFor) {
                    node.vm.emit(.deadlock, object: object, detail: text, objectID: node.lock.objectID,
                                 otherThread: node.waitsFor, location: location)
                }
            }
        }
        interp.abortAll()
    }
}
