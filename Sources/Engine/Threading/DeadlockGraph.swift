import Foundation
import Runtime

/// One look at the wait-for graph: which registered waits are really stuck, who waits for whom, and
/// whether that is a deadlock (a cycle, or every live thread stuck). Pure: built from a snapshot of the
/// detector's waits and the interpreter's live threads.
struct DeadlockGraph {
    /// A thread that is stuck: it waits, without a timeout, for a lock that is held.
    struct Node {
        let vm: VM
        let ident: Int
        let lock: DetectableLock
        let snapshot: LockSnapshot
        let waitID: Int
        /// The thread it waits for (the holder, or the thread being joined); nil for a condition wait
        /// or a Lock held by the waiter itself (someone else may release it).
        let waitsFor: Int?
    }

    struct Finding {
        enum Kind { case cycle, allBlocked }
        let kind: Kind
        /// The threads of the cycle in order (each waits for the next), or every stuck thread.
        let nodes: [Node]
        /// Stuck threads not in the cycle.
        let others: [Node]
        /// What must stay unchanged for the finding to be confirmed.
        var signature: [Int] { (nodes + others).flatMap { [$0.waitID, $0.snapshot.generation] } }
    }

    let nodes: [Int: Node]
    let liveIdents: [Int]
    let starting: Int
    /// Threads not running Python code that wait, outside any primitive, for the program's other threads
    /// (a lesson player waiting for a `demo deadlock` to deadlock): they cannot release anything.
    let idle: Set<Int>

    init(waits: [DeadlockDetector.Wait], live: [VM], starting: Int, idle: Set<Int> = []) {
        var nodes: [Int: Node] = [:]
        for w in waits where !w.timed && !w.vm.interruptPending {
            let s = w.lock.snapshot
            guard s.held else { continue }          // it is about to get the lock
            let me = w.vm.ident
            let target: Int?
            switch s.role {
            case .lock: target = s.owner == me ? nil : s.owner
            case .rlock, .join:
                // Its owner never waits for an RLock (it re-enters), nor a thread for its own end: owned
                // by the waiter, the lock was just taken and the wait is ending (`endWait` is near).
                if s.owner == me { continue }
                target = s.owner
            case .conditionWaiter: target = nil
            }
            nodes[me] = Node(vm: w.vm, ident: me, lock: w.lock, snapshot: s, waitID: w.id, waitsFor: target)
        }
        self.nodes = nodes
        self.liveIdents = live.map(\.ident)
        self.starting = starting
        self.idle = idle
    }

    /// Whether no thread could wake any stuck one: every live thread is stuck (or idle) and none is starting.
    var everyoneStuck: Bool {
        starting == 0 && liveIdents.contains { nodes[$0] != nil }
            && liveIdents.allSatisfy { nodes[$0] != nil || idle.contains($0) }
    }

    /// A deadlock, if there is one: a cycle first (it names the culprits), else everyone stuck.
    ///
    /// Only the owner can release an RLock, and only the end of a thread its join lock, so a cycle of
    /// those is stuck whatever other threads do. A plain Lock may be released by any thread (CPython
    /// allows it), so a cycle through one counts only when every other live thread is stuck too.
    func finding() -> Finding? {
        let all = everyoneStuck
        if let cycle = findCycle(ownerOnly: !all) {
            let inCycle = Set(cycle.map(\.ident))
            return Finding(kind: .cycle, nodes: cycle, others: orderedNodes.filter { !inCycle.contains($0.ident) })
        }
        if all { return Finding(kind: .allBlocked, nodes: orderedNodes, others: []) }
        return nil
    }

    /// Stuck threads, main thread first, then in the order their waits began.
    var orderedNodes: [Node] {
        nodes.values.sorted { a, b in
            if a.vm.isMain != b.vm.isMain { return a.vm.isMain }
            return a.waitID < b.waitID
        }
    }

    /// Follows "waits for" edges from each stuck thread; a thread reached twice on one walk closes a cycle.
    /// With `ownerOnly`, edges into plain Locks (which any thread may release) are not followed.
    func findCycle(ownerOnly: Bool = false) -> [Node]? {
        for start in orderedNodes {
            var path: [Node] = []
            var index: [Int: Int] = [:]
            var cur: Node? = start
            while let n = cur {
                if let i = index[n.ident] {
                    let cycle = Array(path[i...])
                    return rotatedToEarliest(cycle)
                }
                index[n.ident] = path.count
                path.append(n)
                cur = ownerOnly && n.snapshot.role == .lock ? nil : n.waitsFor.flatMap { nodes[$0] }
            }
        }
        return nil
    }

    /// The cycle starting with the thread that began waiting first (a stable order for reports).
    private func rotatedToEarliest(_ cycle: [Node]) -> [Node] {
        guard let i = cycle.indices.min(by: { cycle[$0].waitID < cycle[$1].waitID }) else { return cycle }
        return Array(cycle[i...] + cycle[..<i])
    }
}
