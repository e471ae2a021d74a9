import Foundation
import Runtime

/// The text of a deadlock report, for learners:
///
///     Deadlock: 2 threads wait for each other in a cycle; none of them can go on.
///       Thread-1 (transfer) holds lock_a and waits for lock_b at bank.py:9
///       Thread-2 (transfer) holds lock_b and waits for lock_a at bank.py:9
///     Also stuck:
///       MainThread waits to join Thread-1 (transfer) at bank.py:15
///     Interleave stopped the program's threads.
///
/// Locks are named by a variable that refers to them (`lock_a`, `self.lock` → `account.lock`), found in
/// the stuck threads' frames and module globals, else by their number (`Lock#3`). Built while the threads
/// are stuck, so reading their frames is safe.
struct DeadlockReport {
    let finding: DeadlockGraph.Finding
    private let names: NameFinder

    init(finding: DeadlockGraph.Finding) {
        self.finding = finding
        let vms = (finding.nodes + finding.others).map(\.vm)
        var main: PyDict?
        if let interp = vms.first?.interp, case .object(let o)? = interp.modules.getStr("__main__"),
           let m = o as? PyModule {
            main = m.dict
        }
        self.names = NameFinder(vms: vms, mainGlobals: main)
    }

    var text: String {
        var out: String
        switch finding.kind {
        case .cycle:
            let n = finding.nodes.count
            out = n == 1 ? "Deadlock: a thread waits for itself; it can never go on.\n"
                : "Deadlock: \(n) threads wait for each other in a cycle; none of them can go on.\n"
        case .allBlocked:
            out = "Deadlock: every thread is waiting and nothing can wake them.\n"
        }
        for node in finding.nodes { out += "  " + line(node) + "\n" }
        if !finding.others.isEmpty {
            out += "Also stuck:\n"
            for node in finding.others { out += "  " + line(node) + "\n" }
        }
        out += "Interleave stopped the program's threads.\n"
        return out
    }

    /// `Thread-1 (work) holds lock_a and waits for lock_b at demo.py:9`.
    func line(_ node: DeadlockGraph.Node) -> String {
        var s = node.vm.name
        let held = heldLocks(by: node.ident)
        if !held.isEmpty { s += " holds " + held.joined(separator: ", ") + " and" }
        switch node.snapshot.role {
        case .lock, .rlock:
            s += " waits for " + lockName(node.lock)
            if node.snapshot.owner == node.ident { s += " (which it holds itself)" }
        case .join:
            s += " waits to join " + (node.snapshot.ownerName ?? "a thread")
        case .conditionWaiter:
            s += " waits on " + conditionName(node.lock.condition)
        }
        return s + " " + whereWaiting(node.vm)
    }

    /// What `node` waits for, as the report names it (the `object` of its `.deadlock` trace event): the
    /// lock's variable (`lock_b`, else `Lock#3`), the thread it joins, or the Condition.
    func waitedFor(_ node: DeadlockGraph.Node) -> String {
        switch node.snapshot.role {
        case .lock, .rlock: return lockName(node.lock)
        case .join: return node.snapshot.ownerName ?? "a thread"
        case .conditionWaiter: return conditionName(node.lock.condition)
        }
    }

    /// The locks (not join or condition-waiter locks) `ident` holds that some stuck thread waits for.
    private func heldLocks(by ident: Int) -> [String] {
        var seen = Set<ObjectIdentifier>()
        var out: [String] = []
        for n in finding.nodes + finding.others where n.ident != ident && n.snapshot.owner == ident {
            guard n.snapshot.role == .lock || n.snapshot.role == .rlock else { continue }
            if seen.insert(ObjectIdentifier(n.lock)).inserted { out.append(lockName(n.lock)) }
        }
        return out
    }

    private func lockName(_ lock: DetectableLock) -> String {
        names.name(of: lock) ?? lock.label
    }

    private func conditionName(_ cond: PyObject?) -> String {
        guard let c = cond else { return "a Condition" }
        if let n = names.name(of: c) { return "Condition " + n }
        // An Event, Semaphore, Barrier … waits on its private Condition: name the owner.
        if let (owner, n) = names.owner(of: c) { return "\(owner.type.name) \(n)" }
        return "a Condition"
    }

    private func whereWaiting(_ vm: VM) -> String {
        if vm.frameChain.contains(where: { $0.code.name == "_shutdown" && $0.code.filename.hasPrefix("<frozen") }) {
            return "at exit (threading waits for non-daemon threads)"
        }
        let chain = vm.frameChain
        if let f = chain.first(where: { !$0.code.filename.hasPrefix("<frozen") }) {
            return "at \(f.code.filename):\(f.executingLine)"
        }
        // The program's frame is out of reach (native code called the waiting function, e.g. a bound
        // builtin as a thread's target): name the threading function instead.
        if let f = chain.last { return "in \(f.code.co.qualname)()" }
        return ""
    }
}

/// Finds a variable name for an object among the stuck threads' frames: module globals first (the
/// names a script's top level gives its locks), then locals, outermost frame first (where locks are
/// created), then one level into instances (`account.lock`). Private attributes (`ev._cond`) name the
/// owner instead (see `owner(of:)`).
struct NameFinder {
    private var scopes: [[(String, Value)]] = []

    init(vms: [VM], mainGlobals: PyDict?) {
        var globalsSeen = Set<ObjectIdentifier>()
        var globals: [[(String, Value)]] = []
        if let g = mainGlobals {
            globalsSeen.insert(ObjectIdentifier(g))
            globals.append(g.items.compactMap { k, v in (k.asObject as? PyStr).map { ($0.value, v) } })
        }
        var locals: [[(String, Value)]] = []
        let ordered = vms.sorted { $0.isMain && !$1.isMain }
        for vm in ordered {
            for f in vm.frameChain.reversed() where !f.code.filename.hasPrefix("<frozen") {
                if globalsSeen.insert(ObjectIdentifier(f.globals)).inserted {
                    globals.append(f.globals.items.compactMap { k, v in
                        (k.asObject as? PyStr).map { ($0.value, v) }
                    })
                }
                locals.append(f.boundLocals)
            }
        }
        scopes = globals + locals
    }

    func name(of target: PyObject) -> String? {
        for scope in scopes {
            for (n, v) in scope where !n.hasPrefix("__") {
                if case .object(let o) = v, o === target { return n }
            }
        }
        for scope in scopes {
            for (n, v) in scope where !n.hasPrefix("__") {
                guard case .object(let o) = v, let inst = o as? PyInstance else { continue }
                for (k, av) in inst.attributeItems {
                    if case .object(let a) = av, a === target, let key = k.asObject as? PyStr, !key.value.hasPrefix("_") {
                        return n + "." + key.value
                    }
                }
            }
        }
        return nil
    }

    /// An instance that keeps `target` in a private attribute, and the instance's variable name.
    func owner(of target: PyObject) -> (PyObject, String)? {
        for scope in scopes {
            for (n, v) in scope where !n.hasPrefix("__") {
                guard case .object(let o) = v, let inst = o as? PyInstance else { continue }
                for (_, av) in inst.attributeItems {
                    if case .object(let a) = av, a === target { return (inst, n) }
                }
            }
        }
        return nil
    }
}
