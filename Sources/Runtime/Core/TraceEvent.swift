/// One event of the engine's trace stream: every primitive (thread start/end, lock acquire/wait/
/// release, join, sleep, print …) reports one. Annotated output, timelines, the deadlock detector
/// and Chrome-trace export are all views over this stream (see the Trace module).
public struct TraceEvent: Sendable {
    public enum Kind: String, Sendable {
        case threadStart, threadEnd, output
        case lockAcquire, lockWait, lockAcquired, lockRelease
        case join, joinDone, sleep, sleepDone
        case gilWait, gilAcquired, gilDrop
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

    public init(time: Double, pid: Int32, thread: Int, threadName: String, kind: Kind,
                object: String? = nil, detail: String? = nil) {
        self.time = time; self.pid = pid; self.thread = thread; self.threadName = threadName
        self.kind = kind; self.object = object; self.detail = detail
    }
}
