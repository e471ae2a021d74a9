/// One event of the engine's trace stream: every primitive (thread start/end, lock acquire/wait/
/// release, join, sleep, print …) reports one. Annotated output, timelines, the deadlock detector
/// and Chrome-trace export are all views over this stream (see the Trace module).
///
/// Conventions the views rely on:
/// - `lockWait` starts a blocked interval that ends with `lockAcquired` (detail: milliseconds waited)
///   or `lockTimeout`; an uncontended acquire is a single `lockAcquire`.
/// - `join`/`joinDone`, `sleep`/`sleepDone`, `conditionWait`/`conditionWoken` bracket blocked intervals;
///   `gilWait`/`gilAcquired` bracket runnable-but-not-running intervals; `gilDrop` marks a hand-over.
/// - `objectID` identifies the primitive (two locks with the same label differ by id); `otherThread`
///   is the related thread (the holder a waiter waits for, the thread being joined); `location` is the
///   Python source position (`file:line`) of the waiting code, given for blocking waits.
/// - Joins and condition waits are built from locks by threading.py; the engine reports them as
///   `join`/`joinDone` (object: the joined thread's name, otherThread: its ident) and
///   `conditionWait`/`conditionWoken` (objectID: the Condition), never as waits on internal locks;
///   `conditionNotify` has otherThread = the waiter it woke. A wait that timed out ends with
///   `lockTimeout`, or `joinDone`/`conditionWoken` with detail `timed out`.
/// - `deadlock`: one per stuck thread when the deadlock detector reports (object: what it waits for,
///   named as the report names it — the lock's variable, the joined thread or the Condition; objectID,
///   otherThread: the thread it waits for if any, location, detail: the whole report text).
public struct TraceEvent: Sendable {
    /// The `detail` of a `lockTimeout`, `joinDone` or `conditionWoken` whose wait was interrupted (Ctrl-C,
    /// a demo's time limit, a deadlock report) rather than timed out.
    public static let interruptedDetail = "interrupted"

    public enum Kind: String, Sendable {
        case threadStart, threadEnd, output
        case lockAcquire, lockWait, lockAcquired, lockTimeout, lockRelease
        case join, joinDone, sleep, sleepDone
        case conditionWait, conditionWoken, conditionNotify
        case gilWait, gilAcquired, gilDrop
        case deadlock
        case note
    }
    /// Seconds since the interpreter started.
    public var time: Double
    public var pid: Int32
    /// The Python thread's ident and name.
    public var thread: Int
    public var threadName: String
    public var kind: Kind
    /// The object concerned (a lock's display name, a thread's name …), if any.
    public var object: String?
    public var detail: String?
    /// Identity of the primitive concerned (e.g. a lock), stable for its lifetime.
    public var objectID: Int?
    /// The related thread's ident (the lock holder a waiter waits for, the thread joined).
    public var otherThread: Int?
    /// `file:line` of the Python code that waits, for blocking events.
    public var location: String?
    /// Whether the primitive is the threading module's own bookkeeping (the lock `Thread.start()` and
    /// a thread's start-up share), not one the program made: views leave it out of lock statistics
    /// and notes.
    public var machinery: Bool

    public init(time: Double, pid: Int32, thread: Int, threadName: String, kind: Kind,
                object: String? = nil, detail: String? = nil, objectID: Int? = nil,
                otherThread: Int? = nil, location: String? = nil, machinery: Bool = false) {
        self.time = time; self.pid = pid; self.thread = thread; self.threadName = threadName
        self.kind = kind; self.object = object; self.detail = detail
        self.objectID = objectID; self.otherThread = otherThread; self.location = location
        self.machinery = machinery
    }
}
