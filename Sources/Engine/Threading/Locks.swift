import Foundation
import Synchronization
import Runtime

/// Waits on an `NSCondition` in short slices so that Ctrl-C, demo aborts and deadlock reports can end
/// any blocking wait. Must be called with `cond` locked and the GIL released. Returns false on timeout
/// or interrupt (the caller checks `vm.interruptPending`).
func interruptibleWait(_ cond: NSCondition, vm: VM, deadline: Date?, until done: () -> Bool) -> Bool {
    while !done() {
        if vm.interruptPending { return false }
        var slice = Date(timeIntervalSinceNow: 0.05)
        if let d = deadline {
            if d.timeIntervalSinceNow <= 0 { return false }
            if d < slice { slice = d }
        }
        _ = cond.wait(until: slice)
    }
    return true
}

/// The blocking path shared by Lock and RLock: reports the wait, waits with the GIL released (in
/// interruptible slices) until `isFree`, then `take`s the lock under `cond` and reports how long it took.
/// Returns false on timeout; raises if the wait was interrupted (Ctrl-C, demo abort).
func blockingAcquire(_ cond: NSCondition, vm: VM, label: String, holder: String, timeout: Double?,
                     isFree: () -> Bool, take: () -> Void) throws -> Bool {
    vm.emit(.lockWait, object: label, detail: holder)
    let start = Date()
    let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
    let got: Bool = vm.allowThreads {
        cond.lock(); defer { cond.unlock() }
        let ok = interruptibleWait(cond, vm: vm, deadline: deadline, until: isFree)
        if ok { take() }
        return ok
    }
    if !got { try vm.checkInterrupts(); return false }
    vm.emit(.lockAcquired, object: label, detail: String(format: "%.1f", Date().timeIntervalSince(start) * 1000))
    return true
}

/// Parses `acquire(blocking=True, timeout=-1)` with CPython's checks.
func lockAcquireArguments(_ args: Args, _ name: String) throws -> (blocking: Bool, timeout: Double?) {
    var blocking = true
    var timeout: Double? = nil
    if let b = args.get(1, "blocking") {
        guard let vm = VM.current else { return (true, nil) }
        blocking = try vm.truthy(b)
    }
    if let t = args.get(2, "timeout") {
        let secs: Double
        switch t {
        case .int(let n): secs = Double(n)
        case .float(let d): secs = d
        case .bool(let b): secs = b ? 1 : 0
        default: throw PyError.type("'\(t.typeName)' object cannot be interpreted as an integer or float")
        }
        if secs != -1 {
            if !blocking { throw PyError.value("can't specify a timeout for a non-blocking call") }
            if secs < 0 { throw PyError.value("timeout value must be a non-negative number") }
            timeout = secs
        }
    }
    return (blocking, timeout)
}

/// `threading.Lock` (`_thread.LockType`): not owned — any thread may release it.
public final class PyLock: PyObject, @unchecked Sendable {
    public static let lockType = PyType(builtin: "lock", base: .object, module: "_thread")
    let cond = NSCondition()
    private var isLocked = false
    /// The thread that last acquired it (for trace notes and the deadlock detector).
    public private(set) var ownerName: String?
    public private(set) var ownerIdent: Int = 0
    public let label: String

    public init(label: String) {
        self.label = label
        super.init(type: PyLock.lockType)
    }

    public var locked: Bool { cond.lock(); defer { cond.unlock() }; return isLocked }

    public func acquire(_ vm: VM, blocking: Bool, timeout: Double?) throws -> Bool {
        cond.lock()
        if !isLocked {
            isLocked = true; ownerName = vm.name; ownerIdent = vm.ident
            cond.unlock()
            vm.emit(.lockAcquire, object: label)
            return true
        }
        if !blocking { cond.unlock(); return false }
        let holder = ownerName ?? "?"
        cond.unlock()
        return try blockingAcquire(cond, vm: vm, label: label, holder: holder, timeout: timeout,
                                   isFree: { !isLocked },
                                   take: { isLocked = true; ownerName = vm.name; ownerIdent = vm.ident })
    }

    public func release(_ vm: VM) throws {
        cond.lock()
        guard isLocked else { cond.unlock(); throw PyError.runtime("release unlocked lock") }
        isLocked = false
        ownerName = nil; ownerIdent = 0
        cond.signal()
        cond.unlock()
        vm.emit(.lockRelease, object: label)
    }

    static func install() {
        let t = lockType
        t.isBaseType = false
        t.method("acquire") { vm, args in
            let (b, to) = try lockAcquireArguments(args, "acquire")
            return .bool(try (args[0].asObject as! PyLock).acquire(vm, blocking: b, timeout: to))
        }
        t.dict.setStr("acquire_lock", t.dict.getStr("acquire")!)
        t.method("__enter__") { vm, args in
            .bool(try (args[0].asObject as! PyLock).acquire(vm, blocking: true, timeout: nil))
        }
        t.method("release") { vm, args in try (args[0].asObject as! PyLock).release(vm); return .none }
        t.dict.setStr("release_lock", t.dict.getStr("release")!)
        t.method("__exit__") { vm, args in try (args[0].asObject as! PyLock).release(vm); return .none }
        t.method("locked") { _, args in .bool((args[0].asObject as! PyLock).locked) }
        t.method("__repr__") { _, args in
            let l = args[0].asObject as! PyLock
            return .str("<\(l.locked ? "locked" : "unlocked") _thread.lock object at \(RuntimeSetup.address(l))>")
        }
    }
}

/// `threading.RLock`: owned, counting. Only the owner may release; it is free when the count is 0.
public final class PyRLock: PyObject, @unchecked Sendable {
    public static let rlockType = PyType(builtin: "RLock", base: .object, module: "_thread")
    let cond = NSCondition()
    private var owner = 0
    private var count = 0
    public private(set) var ownerName: String?
    public let label: String

    public init(label: String) {
        self.label = label
        super.init(type: PyRLock.rlockType)
    }

    public func acquire(_ vm: VM, blocking: Bool, timeout: Double?) throws -> Bool {
        cond.lock()
        if count > 0 && owner == vm.ident {
            count += 1; cond.unlock()
            vm.emit(.lockAcquire, object: label, detail: "count \(count)")
            return true
        }
        if count == 0 {
            owner = vm.ident; count = 1; ownerName = vm.name
            cond.unlock()
            vm.emit(.lockAcquire, object: label)
            return true
        }
        if !blocking { cond.unlock(); return false }
        let holder = ownerName ?? "?"
        cond.unlock()
        return try blockingAcquire(cond, vm: vm, label: label, holder: holder, timeout: timeout,
                                   isFree: { count == 0 },
                                   take: { owner = vm.ident; count = 1; ownerName = vm.name })
    }

    public func release(_ vm: VM) throws {
        cond.lock()
        guard count > 0, owner == vm.ident else { cond.unlock(); throw PyError.runtime("cannot release un-acquired lock") }
        count -= 1
        if count == 0 { owner = 0; ownerName = nil; cond.signal() }
        cond.unlock()
        vm.emit(.lockRelease, object: label)
    }

    var state: (owner: Int, count: Int) { cond.lock(); defer { cond.unlock() }; return (owner, count) }

    static func install() {
        let t = rlockType
        t.isBaseType = false
        t.method("acquire") { vm, args in
            let (b, to) = try lockAcquireArguments(args, "acquire")
            return .bool(try (args[0].asObject as! PyRLock).acquire(vm, blocking: b, timeout: to))
        }
        t.method("__enter__") { vm, args in
            .bool(try (args[0].asObject as! PyRLock).acquire(vm, blocking: true, timeout: nil))
        }
        t.method("release") { vm, args in try (args[0].asObject as! PyRLock).release(vm); return .none }
        t.method("__exit__") { vm, args in try (args[0].asObject as! PyRLock).release(vm); return .none }
        t.method("_is_owned") { vm, args in
            let s = (args[0].asObject as! PyRLock).state
            return .bool(s.count > 0 && s.owner == vm.ident)
        }
        t.method("__repr__") { _, args in
            let l = args[0].asObject as! PyRLock
            let s = l.state
            return .str("<\(s.count > 0 ? "locked" : "unlocked") _thread.RLock object owner=\(s.owner) count=\(s.count) at \(RuntimeSetup.address(l))>")
        }
    }
}
