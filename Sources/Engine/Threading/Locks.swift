import Foundation
import Synchronization
import Runtime

/// Waits on an `NSCondition` in short slices so that Ctrl-C, demo aborts and deadlock reports can end
/// any blocking wait. Must be called with `cond` locked and the GIL released. Returns false on timeout
/// or interrupt (the caller checks `vm.interruptPending`).
/// An interrupt or abort pending wins over a lock that has just become free: a thread stopped by a
/// deadlock report must unwind from its wait (its `with` blocks releasing what they hold), not take the
/// lock and run on into code that has no handler for the abort.
///
/// `requestInterrupt`/`requestAbort` broadcast `cond` (registered through `vm.whileBlocked`), so the
/// slices are only a safety net and thousands of blocked threads cost no CPU.
func interruptibleWait(_ cond: NSCondition, vm: VM, deadline: Date?, until done: () -> Bool) -> Bool {
    vm.whileBlocked(on: cond) {
        while true {
            if vm.interruptPending { return false }
            if done() { return true }
            var slice = Date(timeIntervalSinceNow: 1)
            if let d = deadline {
                if d.timeIntervalSinceNow <= 0 { return false }
                if d < slice { slice = d }
            }
            _ = cond.wait(until: slice)
        }
    }
}

/// The blocking path shared by Lock and RLock: registers the wait with the deadlock detector, reports it
/// (as a lock wait, a join or a condition wait, after the lock's role), waits with the GIL released (in
/// interruptible slices) until `tryTake` succeeds (called under `cond`), then lets the new holder
/// `noteHolder` (still under `cond`) and reports how long it took.
/// Returns false on timeout; raises if the wait was interrupted (Ctrl-C, demo abort, deadlock report).
func blockingAcquire(_ cond: NSCondition, lock: DetectableLock, vm: VM, holder: LockSnapshot, timeout: Double?,
                     tryTake: () -> Bool, noteHolder: () -> Void) throws -> Bool {
    let tracing = vm.isTracing
    if tracing {
        // The one place a lock's variable name is looked up for events: a contended wait, once per lock.
        if holder.role == .lock || holder.role == .rlock { lock.resolveTraceName(vm) }
        traceWaitBegins(vm, lock: lock, holder: holder)
    }
    let detector = DeadlockDetector.of(vm.interp)
    let token = detector.beginWait(vm, lock: lock, timed: timeout != nil)
    let start = Date()
    let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
    let got: Bool = vm.allowThreads {
        cond.lock()
        let ok = interruptibleWait(cond, vm: vm, deadline: deadline, until: tryTake)
        if ok { noteHolder() }
        cond.unlock()
        // The wait is over once the lock is taken: unregister it now, before taking the GIL back. The
        // GIL can take long to come back (its holder may be in one long native step, or the machine is
        // busy), and meanwhile the detector saw this thread still "waiting" for a lock it holds itself:
        // for an RLock or a join, a cycle of one, reported as a deadlock. (After `cond.unlock()`: the
        // detector's report reads locks under its own lock, so no lock order to invert.)
        detector.endWait(vm, token)
        return ok
    }
    if tracing { traceWaitEnds(vm, lock: lock, holder: holder, got: got, since: start) }
    if !got { try vm.checkInterrupts(); return false }
    return true
}

/// The trace event that opens a blocked interval: `lockWait`, `join` or `conditionWait`.
private func traceWaitBegins(_ vm: VM, lock: DetectableLock, holder: LockSnapshot) {
    switch holder.role {
    case .lock, .rlock:
        vm.emit(.lockWait, object: lock.traceLabel, detail: holder.ownerName, objectID: lock.objectID,
                otherThread: holder.owner, withLocation: true, machinery: lock.isMachinery)
    case .join:
        vm.emit(.join, object: holder.ownerName, objectID: lock.objectID, otherThread: holder.owner, withLocation: true)
    case .conditionWaiter:
        vm.emit(.conditionWait, object: "Condition", objectID: lock.condition.map { ObjectIdentifier($0).hashValue },
                withLocation: true)
    }
}

/// The trace event that closes it (detail: milliseconds waited, or `timed out`).
/// A wait that ended without the lock either timed out or was interrupted (Ctrl-C, a demo's time limit,
/// a deadlock report); the detail says which (`TraceEvent.interruptedDetail`), so views do not call an
/// aborted wait a timeout.
private func traceWaitEnds(_ vm: VM, lock: DetectableLock, holder: LockSnapshot, got: Bool, since start: Date) {
    let ms = String(format: "%.1f", Date().timeIntervalSince(start) * 1000)
    let failed = vm.interruptPending ? TraceEvent.interruptedDetail : "timed out"
    switch holder.role {
    case .lock, .rlock:
        if got {
            vm.emit(.lockAcquired, object: lock.traceLabel, detail: ms, objectID: lock.objectID, machinery: lock.isMachinery)
        } else {
            vm.emit(.lockTimeout, object: lock.traceLabel, detail: vm.interruptPending ? failed : ms,
                    objectID: lock.objectID, withLocation: true, machinery: lock.isMachinery)
        }
    case .join:
        vm.emit(.joinDone, object: holder.ownerName, detail: got ? ms : failed, objectID: lock.objectID,
                otherThread: holder.owner)
    case .conditionWaiter:
        vm.emit(.conditionWoken, object: "Condition", detail: got ? ms : failed,
                objectID: lock.condition.map { ObjectIdentifier($0).hashValue })
    }
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
            if secs < 0 { throw PyError.value("timeout value must be positive") }
            timeout = secs
        }
    }
    return (blocking, timeout)
}

/// Runs `body` with `self` of a native method call, borrowed from the arguments (which keep it alive
/// for the call) instead of retained: acquire/release are a counter loop's whole cost. The lock types
/// are final and not subclassable, so an identity check on the type suffices (no dynamic cast).
@inline(__always)
func borrowedReceiver<T: PyObject, R>(_ args: Args, _ type: PyType, _ typeName: String,
                                      _ body: (T) throws -> R) throws -> R {
    let id = ObjectIdentifier(type)
    guard let u = args.peekObject(0), u._withUnsafeGuaranteedRef({ $0.hasType(id) }) else {
        throw PyError.type("descriptor requires a '\(typeName)' object")
    }
    return try u._withUnsafeGuaranteedRef { try body(unsafeDowncast($0, to: T.self)) }
}

/// `threading.Lock` (`_thread.LockType`): not owned — any thread may release it.
///
/// The uncontended paths are one atomic operation each (`LockWord`) and do no other work (an event only
/// when a trace sink listens); only a thread that has to wait takes the mutex and talks to the deadlock
/// detector.
public final class PyLock: PyObject, DetectableLock, @unchecked Sendable {
    public static let lockType = PyType(builtin: "lock", base: .object, module: "_thread")
    let cond = NSCondition()
    private let word = LockWord()
    /// The holder's name, valid while locked (see `OwnerName`).
    private var ownerName = OwnerName()
    // Guarded by `cond`.
    private var role: LockRole
    /// For a condition waiter: its Condition (weak: the Condition's waiter list holds this lock).
    weak var condition: PyObject?
    public let label: String
    /// Set once, by `markAsMachinery` while threading is imported (before other threads exist).
    var isMachinery = false

    // Guarded by `cond`.
    var traceName = TraceName()

    init(label: String, role: LockRole = .lock, condition: PyObject? = nil) {
        self.label = label
        self.role = role
        self.condition = condition
        super.init(type: PyLock.lockType)
    }

    public convenience init(label: String) { self.init(label: label, role: .lock) }

    public var locked: Bool { word.isHeld }

    var snapshot: LockSnapshot {
        cond.lock(); defer { cond.unlock() }
        let held = word.isHeld
        return LockSnapshot(held: held, owner: word.owner.load(ordering: .relaxed), ownerName: held ? ownerName.name : nil,
                            generation: word.generation.load(ordering: .relaxed), role: role)
    }

    /// Makes the calling thread the holder and this lock its join lock (`Thread._bootstrap`: the lock was
    /// acquired by the thread calling `start()`, and is released when the new thread ends).
    func adoptAsJoinLock(_ vm: VM) {
        cond.lock()
        role = .join
        joinedThreadName = vm.name; joinedThreadIdent = vm.ident
        if word.isHeld { word.owner.store(vm.ident, ordering: .relaxed); ownerName.update(vm) }
        cond.unlock()
    }

    /// For a join lock: the thread it stands for (named in join events after that thread has ended).
    private var joinedThreadName: String?
    private var joinedThreadIdent: Int?

    /// Records `vm` as the holder (right after taking the lock; `cond` locked iff `locked`).
    @inline(__always)
    private func noteHolder(_ vm: VM, condLocked: Bool) {
        word.noteHolder(vm.ident)
        if !ownerName.isCurrent(vm) {
            if !condLocked { cond.lock() }
            ownerName.update(vm)
            if !condLocked { cond.unlock() }
        }
    }

    public func acquire(_ vm: VM, blocking: Bool, timeout: Double?) throws -> Bool {
        if word.tryTake() {
            noteHolder(vm, condLocked: false)
            if vm.isTracing { traceFastAcquire(vm) }
            return true
        }
        if !blocking { return false }
        return try blockingAcquire(cond, lock: self, vm: vm, holder: snapshot, timeout: timeout,
                                   tryTake: { word.takeContended() },
                                   noteHolder: { noteHolder(vm, condLocked: true) })
    }

    public func release(_ vm: VM) throws {
        let previousOwner = word.owner.load(ordering: .relaxed)
        guard word.isHeld, word.free(waking: cond) else { throw PyError.runtime("release unlocked lock") }
        if vm.isTracing { traceRelease(vm, previousOwner: previousOwner) }
    }

    private func traceFastAcquire(_ vm: VM) {
        switch snapshot.role {
        case .lock, .rlock: vm.emit(.lockAcquire, object: traceLabel, objectID: objectID, machinery: isMachinery)
        case .join:
            // The thread has finished: the lock now belongs to the joiner, so name the joined thread.
            vm.emit(.join, object: joinedThreadName, objectID: objectID, otherThread: joinedThreadIdent, withLocation: true)
            vm.emit(.joinDone, object: joinedThreadName, detail: "0.0", objectID: objectID, otherThread: joinedThreadIdent)
        case .conditionWaiter: break
        }
    }

    private func traceRelease(_ vm: VM, previousOwner: Int) {
        switch snapshot.role {
        case .lock, .rlock: vm.emit(.lockRelease, object: traceLabel, objectID: objectID, machinery: isMachinery)
        case .join: break
        case .conditionWaiter:
            // notify() wakes a waiter by releasing its waiter lock; the waiter's own first release (none) aside.
            if previousOwner != vm.ident {
                vm.emit(.conditionNotify, object: "Condition", objectID: condition.map { ObjectIdentifier($0).hashValue },
                        otherThread: previousOwner)
            }
        }
    }

    /// `self` of a method call: the type is final and not subclassable, so an identity check suffices
    /// (no dynamic cast on the uncontended path).
    @inline(__always)
    static func receiver(_ args: Args) throws -> PyLock {
        try withReceiver(args) { $0 }
    }

    /// Runs `body` with `self` of a method call, borrowed (see `borrowedReceiver`).
    @inline(__always)
    static func withReceiver<R>(_ args: Args, _ body: (PyLock) throws -> R) throws -> R {
        try borrowedReceiver(args, lockType, "_thread.lock", body)
    }

    static func install() {
        let t = lockType
        t.isBaseType = false
        t.method("acquire") { vm, args in
            try withReceiver(args) { l in
                if args.count == 1 && !args.hasKeywords { return .bool(try l.acquire(vm, blocking: true, timeout: nil)) }
                let (b, to) = try lockAcquireArguments(args, "acquire")
                return .bool(try l.acquire(vm, blocking: b, timeout: to))
            }
        }
        t.dict.setStr("acquire_lock", t.dict.getStr("acquire")!)
        t.method("__enter__") { vm, args in try withReceiver(args) { .bool(try $0.acquire(vm, blocking: true, timeout: nil)) } }
        t.method("release") { vm, args in try withReceiver(args) { try $0.release(vm) }; return .none }
        t.dict.setStr("release_lock", t.dict.getStr("release")!)
        t.method("__exit__") { vm, args in try withReceiver(args) { try $0.release(vm) }; return .none }
        t.method("locked") { _, args in .bool(try receiver(args).locked) }
        t.method("__repr__") { _, args in
            let l = try receiver(args)
            return .str("<\(l.locked ? "locked" : "unlocked") _thread.lock object at \(RuntimeSetup.address(l))>")
        }
    }
}

/// `threading.RLock`: owned, counting. Only the owner may release it; it is free when the count is 0.
public final class PyRLock: PyObject, DetectableLock, @unchecked Sendable {
    public static let rlockType = PyType(builtin: "RLock", base: .object, module: "_thread")
    let cond = NSCondition()
    /// Held while the count is above 0; `word.owner` is the owning thread (see `LockWord`).
    private let word = LockWord()
    /// The recursion count: written only by the owner, read by others as a snapshot.
    private let count = Atomic<Int>(0)
    /// The owner's name, valid while held (see `OwnerName`).
    private var ownerName = OwnerName()
    public let label: String
    /// Set once, by `markAsMachinery` while threading is imported (before other threads exist).
    var isMachinery = false

    // Guarded by `cond`.
    var traceName = TraceName()
    var condition: PyObject? { nil }

    public init(label: String) {
        self.label = label
        super.init(type: PyRLock.rlockType)
    }

    var snapshot: LockSnapshot {
        cond.lock(); defer { cond.unlock() }
        let held = word.isHeld
        return LockSnapshot(held: held, owner: word.owner.load(ordering: .relaxed), ownerName: held ? ownerName.name : nil,
                            generation: word.generation.load(ordering: .relaxed), role: .rlock)
    }

    /// Records `vm` as the owner with count 1 (right after taking the lock; `cond` locked iff `condLocked`).
    @inline(__always)
    private func noteHolder(_ vm: VM, condLocked: Bool) {
        count.store(1, ordering: .relaxed)
        word.noteHolder(vm.ident)
        if !ownerName.isCurrent(vm) {
            if !condLocked { cond.lock() }
            ownerName.update(vm)
            if !condLocked { cond.unlock() }
        }
    }

    public func acquire(_ vm: VM, blocking: Bool, timeout: Double?) throws -> Bool {
        // Only this thread ever stores its own ident as the owner, so seeing it means this thread holds it.
        if word.owner.load(ordering: .relaxed) == vm.ident {
            let n = count.load(ordering: .relaxed) &+ 1
            count.store(n, ordering: .relaxed)
            if vm.isTracing {
                vm.emit(.lockAcquire, object: traceLabel, detail: "count \(n)", objectID: objectID, machinery: isMachinery)
            }
            return true
        }
        if word.tryTake() {
            noteHolder(vm, condLocked: false)
            if vm.isTracing { vm.emit(.lockAcquire, object: traceLabel, objectID: objectID, machinery: isMachinery) }
            return true
        }
        if !blocking { return false }
        return try blockingAcquire(cond, lock: self, vm: vm, holder: snapshot, timeout: timeout,
                                   tryTake: { word.takeContended() },
                                   noteHolder: { noteHolder(vm, condLocked: true) })
    }

    public func release(_ vm: VM) throws {
        let n = count.load(ordering: .relaxed)
        guard n > 0, word.owner.load(ordering: .relaxed) == vm.ident else {
            throw PyError.runtime("cannot release un-acquired lock")
        }
        count.store(n - 1, ordering: .relaxed)
        if n == 1 { _ = word.free(waking: cond) }
        if vm.isTracing { vm.emit(.lockRelease, object: traceLabel, objectID: objectID, machinery: isMachinery) }
    }

    var state: (owner: Int, count: Int) {
        let held = word.isHeld
        return (held ? word.owner.load(ordering: .relaxed) : 0, held ? count.load(ordering: .relaxed) : 0)
    }

    @inline(__always)
    static func receiver(_ args: Args) throws -> PyRLock {
        try withReceiver(args) { $0 }
    }

    /// `self`, borrowed for the call (see `borrowedReceiver`).
    @inline(__always)
    static func withReceiver<R>(_ args: Args, _ body: (PyRLock) throws -> R) throws -> R {
        try borrowedReceiver(args, rlockType, "_thread.RLock", body)
    }

    static func install() {
        let t = rlockType
        t.isBaseType = false
        t.method("acquire") { vm, args in
            try withReceiver(args) { l in
                if args.count == 1 && !args.hasKeywords { return .bool(try l.acquire(vm, blocking: true, timeout: nil)) }
                let (b, to) = try lockAcquireArguments(args, "acquire")
                return .bool(try l.acquire(vm, blocking: b, timeout: to))
            }
        }
        t.method("__enter__") { vm, args in try withReceiver(args) { .bool(try $0.acquire(vm, blocking: true, timeout: nil)) } }
        t.method("release") { vm, args in try withReceiver(args) { try $0.release(vm) }; return .none }
        t.method("__exit__") { vm, args in try withReceiver(args) { try $0.release(vm) }; return .none }
        t.method("_is_owned") { vm, args in
            let s = try receiver(args).state
            return .bool(s.count > 0 && s.owner == vm.ident)
        }
        t.method("__repr__") { _, args in
            let l = try receiver(args)
            let s = l.state
            return .str("<\(s.count > 0 ? "locked" : "unlocked") _thread.RLock object owner=\(s.owner) count=\(s.count) at \(RuntimeSetup.address(l))>")
        }
    }
}
