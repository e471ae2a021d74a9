import Foundation
import CSupport
import Synchronization

/// The execution state of one OS thread running Python code: its frames' value arena, the exception
/// being handled, the recursion depth, and its eval breaker. Python-to-Python calls never recurse on
/// the Swift stack: `eval` switches frames in a loop. Native code calling back into Python (a `key=`
/// function, `__eq__` from a dict lookup, a generator resumed by `list()`) runs a nested loop; the
/// recursion limit bounds both.
public final class VM: @unchecked Sendable {
    /// Unowned(unsafe): the interpreter outlives its VMs, and a checked unowned reference costs an
    /// atomic retain/release on every access in the eval loop.
    public unowned(unsafe) let interp: Interpreter
    /// `interp` for hot paths: reading through `_withUnsafeGuaranteedRef` costs no retain/release.
    let interpRef: Unmanaged<Interpreter>
    let arena = ValueArena()
    let lookupCache = LookupCache()
    let globalsCache = GlobalsCache()
    /// Identities of the types the fast paths test for (`obj.hasType(functionTypeID)`), kept here:
    /// reading a `PyType.x` global costs a `swift_once` call and a retain/release pair, and an opaque
    /// call between loading a stack slot and testing it makes the optimizer retain the slot too.
    let functionTypeID = ObjectIdentifier(PyType.function)
    let methodTypeID = ObjectIdentifier(PyType.method)
    let typeTypeID = ObjectIdentifier(PyType.type)
    let rangeTypeID = ObjectIdentifier(PyType.range)
    let superTypeID = ObjectIdentifier(PyType.superType)
    let moduleTypeID = ObjectIdentifier(PyType.module)
    let builtinFunctionTypeID = ObjectIdentifier(PyType.builtinFunction)
    let tupleTypeID = ObjectIdentifier(PyType.tuple)
    let strTypeID = ObjectIdentifier(PyType.str)
    let listTypeID = ObjectIdentifier(PyType.list)
    let dictTypeID = ObjectIdentifier(PyType.dict)
    /// `list.append` (the builtin method object), which CALL specializes (CPython 3.11's
    /// CALL_NO_KW_LIST_APPEND). Builtin types cannot be changed, so the object never changes.
    let listAppendID: ObjectIdentifier? = PyType.list.dict.getStr("append")?.asObject.map(ObjectIdentifier.init)
    let setTypeID = ObjectIdentifier(PyType.set)
    /// The Swift classes the fast paths dispatch on, as identities compared with an object's class
    /// pointer: `isExactly(PyListIterator.self)` calls the class's metadata accessor each time, and a call
    /// in the eval loop costs spills of its state (three such calls per iteration made `for x in a_list`
    /// 30% slower).
    let rangeIteratorClass = ObjectIdentifier(PyIntRangeIterator.self)
    let listIteratorClass = ObjectIdentifier(PyListIterator.self)
    let nativeIteratorClass = ObjectIdentifier(PyNativeIterator.self)
    let generatorClass = ObjectIdentifier(PyGenerator.self)
    let strClass = ObjectIdentifier(PyStr.self)
    let tupleClass = ObjectIdentifier(PyTuple.self)
    let listClass = ObjectIdentifier(PyList.self)
    let dictClass = ObjectIdentifier(PyDict.self)
    let setClass = ObjectIdentifier(PySet.self)
    let builtinFunctionClass = ObjectIdentifier(PyBuiltinFunction.self)
    let instanceClass = ObjectIdentifier(PyInstance.self)
    /// `BaseException.__init__`, which only stores the arguments as `args`, as `BaseException.__new__`
    /// (`allocateInstance`) already did: `callType` skips calling it.
    let baseExceptionInitID: ObjectIdentifier? = PyType.baseException.dict.getStr("__init__")?.asObject.map(ObjectIdentifier.init)
    /// Frames of ordinary calls, reused in LIFO order (calls nest): `frameStack[0..<framesInUse]` are
    /// running, the rest wait for reuse. The stack owns them, so a frame's `back` link and the eval
    /// loop's frame switches need no reference counting, and a call allocates no Frame object.
    var frameStack: ContiguousArray<Frame> = []
    var framesInUse = 0
    /// Python frames currently active on this thread (for RecursionError).
    var depth = 0
    /// The exception currently being handled (`except` block), or `.none`.
    public var handledException: Value = .none
    /// Keyword names for the next CALL (set by KW_NAMES).
    var pendingKwnames: PyTuple?
    /// Set when a generator frame suspends (YIELD_VALUE) so `eval` can report a yield, not a return.
    var yielded = false
    /// The innermost running frame (for tracebacks, `sys._getframe`-like introspection, the REPL).
    /// Unretained: the frame chain (`back` links and `eval`'s locals) keeps these frames alive.
    public internal(set) var currentFrame: Frame? {
        get { currentFrameRef?.takeUnretainedValue() }
        set { currentFrameRef = newValue.map { Unmanaged.passUnretained($0) } }
    }
    /// `currentFrame`'s storage. `eval` saves and restores it as is: reading an `unowned(unsafe)`
    /// property into a local retained the frame, an atomic operation on every generator step.
    var currentFrameRef: Unmanaged<Frame>?

    /// Frames that called into threading's blocking API through a native wrapper (`_thread._located`),
    /// innermost last. A Python function called from native code runs in a nested loop whose frames do
    /// not link back to the caller; these links let `frameChain` reach the program's own line (where
    /// `t.join()` or `ev.wait()` was written) for deadlock reports and trace locations.
    public var nativeCallers: [Frame] = []

    /// Eval-breaker bits, set from other threads and checked at back-edges and calls.
    public let evalBreaker = Atomic<UInt32>(0)
    public static let breakInterrupt: UInt32 = 1
    public static let breakGILDrop: UInt32 = 2
    public static let breakAbort: UInt32 = 4

    /// Native re-entry (a `__repr__` calling `repr`, a key function, `__eq__`) nests `eval` on the
    /// Swift stack; below this address a nested call raises RecursionError instead of overflowing.
    var stackLimit: UInt = 0
    /// Stack kept free for the native code that runs between two checks.
    static let stackReserve: UInt = 1024 * 1024

    /// The lowest usable address of the calling thread's stack.
    static func currentStackLowBound() -> UInt { UInt(interleave_stack_low_bound()) }

    /// Whether the native stack is nearly exhausted (checked when `eval` is entered recursively).
    @inline(__always)
    func nativeStackExhausted() -> Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < stackLimit
    }

    /// Python-visible thread identity.
    public var name: String { didSet { nameVersion &+= 1 } }
    /// Bumped by every rename: lets a lock keep its owner's name without storing (and reference
    /// counting) the string on every acquire.
    public private(set) var nameVersion = 0
    public let isMain: Bool
    public private(set) var ident: Int = 0
    public private(set) var nativeID: Int = 0
    /// Arbitrary per-thread objects owned by Engine modules (e.g. the threading.Thread object).
    public var threadObject: Value = .none

    public init(interp: Interpreter, name: String, isMain: Bool = false) {
        self.interp = interp
        self.interpRef = Unmanaged.passUnretained(interp)
        self.gilOn = interp.gil.enabled
        self.name = name
        self.isMain = isMain
        if isMain { bindToCurrentThread() }
    }

    /// Records the OS identity of the thread this VM runs on. Call first thing on a new thread.
    public func bindToCurrentThread() {
        stackLimit = VM.currentStackLowBound() + VM.stackReserve
        ident = Int(UInt(pthread_self()))
        nativeID = Int(CSupport.interleave_gettid())
        VM.currentStorage.current = self
        interp.vmsLock.withLock { $0[ObjectIdentifier(self)] = self }
    }

    public func unbind() {
        interp.vmsLock.withLock { $0[ObjectIdentifier(self)] = nil }
    }

    /// Idle frames go back to the process-wide pool (frames still in use, if a thread died mid-call,
    /// stay with nobody: they are immortal, see `FramePool`).
    deinit {
        FramePool.giveBack(frameStack[framesInUse...])
    }

    /// Gives the idle frames back to the pool now, on this VM's thread (a thread calls it when its
    /// Python code is done). Giving them back in `deinit` instead happened on whichever thread dropped
    /// the VM last, ordered after this thread's last writes to the frames only by Swift's reference
    /// counting, which ThreadSanitizer cannot see: it reported the next thread to use a frame.
    public func returnIdleFrames() {
        FramePool.giveBack(frameStack[framesInUse...])
        frameStack.removeSubrange(framesInUse...)
    }

    /// The VM of the calling OS thread, if it runs Python code.
    public static var current: VM? { currentStorage.current }
    private static let currentStorage = ThreadLocalVM()

    // MARK: eval breaker

    /// Asks this thread to raise KeyboardInterrupt at its next safe point.
    public func requestInterrupt() {
        evalBreaker.bitwiseOr(VM.breakInterrupt, ordering: .releasing)
        wakeBlockedWait()
    }

    /// Asks this thread to unwind with SystemExit("demo aborted") at its next safe point (one-shot).
    public func requestAbort() {
        markAbort()
        wakeBlockedWait()
    }

    /// Sets the abort request without waking a blocked wait (see `Interpreter.abortAll`).
    func markAbort() {
        if finishing.load(ordering: .acquiring) { return }
        evalBreaker.bitwiseOr(VM.breakAbort, ordering: .releasing)
    }

    /// Set by threading's thread bootstrap once the target has returned or unwound (`_thread._finishing`):
    /// what runs then is threading's own bookkeeping (leave `_active`, release the join lock), which must
    /// not be cut short. A thread stopper re-asks every 0.1 s; an abort landing inside that bookkeeping
    /// left the thread counted by `active_count()` after `join()` returned.
    public let finishing = Atomic<Bool>(false)

    /// Whether a pending abort applies (none while `finishing`).
    @inline(__always)
    private func abortApplies(_ bits: UInt32) -> Bool {
        bits & VM.breakAbort != 0 && !finishing.load(ordering: .acquiring)
    }

    /// The condition a blocking primitive of this thread waits on (set for the length of the wait), so
    /// an interrupt or abort wakes it at once instead of at the end of a polling slice.
    private let blockedOn = Locked<NSCondition?>(nil)

    /// Runs `body` (a wait on `cond`, with `cond` locked, checking `interruptPending` before each wait)
    /// with `cond` registered for `requestInterrupt`/`requestAbort` to broadcast.
    public func whileBlocked<R>(on cond: NSCondition, _ body: () throws -> R) rethrows -> R {
        blockedOn.withLock { $0 = cond }
        defer { blockedOn.withLock { $0 = nil } }
        return try body()
    }

    /// Wakes this thread's blocked wait, if any, so it sees a pending interrupt or abort.
    func wakeBlockedWait() {
        guard let c = blockedOn.withLock({ $0 }) else { return }
        c.lock(); c.broadcast(); c.unlock()
    }

    /// A safe point of the eval loop (loop back-edges, calls): if the eval breaker has a request, saves
    /// the frame's position (for tracebacks and GIL hand-over) and handles it. One relaxed load otherwise.
    /// The frame is the running one, `currentFrameRef` (not passed in: the eval loop's unretained frame
    /// variable would be retained to be passed, an atomic operation per loop iteration).
    @inline(__always)
    func safePoint(_ pc: Int, _ sp: Int) throws {
        if evalBreaker.load(ordering: .relaxed) != 0 {
            currentFrameRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.pc = pc; $0.sp = sp }
            try handleEvalBreaker()
        }
    }

    /// Handles eval-breaker requests; throws KeyboardInterrupt when one is pending.
    @inline(never)
    func handleEvalBreaker() throws {
        let bits = evalBreaker.load(ordering: .acquiring)
        if bits & VM.breakInterrupt != 0 {
            evalBreaker.bitwiseAnd(~VM.breakInterrupt, ordering: .relaxed)
            throw PyError(PyBaseException(type: .keyboardInterrupt))
        }
        if bits & VM.breakAbort != 0 {
            // One-shot, like an interrupt: the thread unwinds (its `with` blocks release their locks, its
            // `finally` blocks and threading's bookkeeping run). Whoever aborts re-asks if it must.
            evalBreaker.bitwiseAnd(~VM.breakAbort, ordering: .relaxed)
            if abortApplies(bits) { throw PyError(PyBaseException(type: .systemExit, args: [.str("demo aborted")])) }
        }
        if bits & VM.breakGILDrop != 0 {
            evalBreaker.bitwiseAnd(~VM.breakGILDrop, ordering: .relaxed)
            interp.gil.yieldIfRequested(self)
        }
    }

    /// Raises KeyboardInterrupt (or the demo-abort SystemExit) if one is pending. Blocking primitives call
    /// this between the short slices of their waits, so Ctrl-C and deadlock aborts end them.
    public func checkInterrupts() throws {
        let bits = evalBreaker.load(ordering: .acquiring)
        if bits & (VM.breakInterrupt | VM.breakAbort) != 0 { try handleEvalBreaker() }
    }

    /// Whether an interrupt or abort is pending (for wait loops running without the GIL).
    public var interruptPending: Bool {
        let bits = evalBreaker.load(ordering: .acquiring)
        return bits & VM.breakInterrupt != 0 || abortApplies(bits)
    }

    /// Seconds since the interpreter started (trace event timestamps).
    public var elapsed: Double { Date().timeIntervalSince(interp.startTime) }

    /// Whether this thread, running bytecode, holds the GIL: true whenever the GIL is on (a Python thread
    /// runs bytecode only while holding it). Lets attribute fast paths read dicts without their lock
    /// (see `PyDict.getStrHoldingGIL`).
    @inline(__always)
    var gilHeld: Bool { gilOn }
    /// `interp.gil.enabled` as of this VM's creation, kept current by `GIL.setEnabled` (which only the
    /// interpreter's only Python thread may call). A plain field: reading the GIL object cost a
    /// retain/release pair per attribute read.
    var gilOn = true

    /// Whether anyone listens to trace events: what a primitive's uncontended path checks before it
    /// builds an event (read without retaining the interpreter or the hub).
    @inline(__always)
    public var isTracing: Bool { interpRef._withUnsafeGuaranteedRef { $0.traceHub.isActive } }

    /// Emits a trace event if anyone listens.
    @inline(__always)
    public func emit(_ kind: TraceEvent.Kind, object: String? = nil, detail: String? = nil,
                     objectID: Int? = nil, otherThread: Int? = nil, withLocation: Bool = false,
                     machinery: Bool = false) {
        let hub = interp.traceHub
        guard hub.isActive else { return }
        hub.publish(TraceEvent(time: elapsed, pid: getpid(), thread: ident, threadName: name, kind: kind,
                               object: object, detail: detail, objectID: objectID, otherThread: otherThread,
                               location: withLocation ? currentLocation : nil, machinery: machinery))
    }

    /// Emits a trace event about this thread with a location found earlier (the deadlock detector reports
    /// for stuck threads from its own thread).
    public func emit(_ kind: TraceEvent.Kind, object: String?, detail: String?, objectID: Int?,
                     otherThread: Int?, location: String?) {
        guard let sink = interp.eventSink else { return }
        sink(TraceEvent(time: elapsed, pid: getpid(), thread: ident, threadName: name, kind: kind,
                        object: object, detail: detail, objectID: objectID, otherThread: otherThread,
                        location: location))
    }

    /// `file:line` of the program code running on this thread (frozen modules such as threading are
    /// skipped: a wait inside `Event.wait` is reported at the line calling it), if any.
    public var currentLocation: String? { userLocation }
}

/// pthread-specific storage for `VM.current`.
final class ThreadLocalVM: @unchecked Sendable {
    private var key = pthread_key_t()
    init() { pthread_key_create(&key, nil) }
    var current: VM? {
        get { pthread_getspecific(key).map { Unmanaged<VM>.fromOpaque($0).takeUnretainedValue() } }
        set { pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() }) }
    }
}
