import Foundation
import Runtime

/// What one demo or run did, as the engine reported it: its trace events and the clocks around it.
/// Timelines, summaries and Chrome-trace export all read a `Recording`, so they can be tested on
/// synthetic event arrays.
public struct Recording: Sendable {
    /// Events in time order (seconds since the interpreter started, as in `TraceEvent.time`).
    public var events: [TraceEvent]
    /// When recording started and stopped, on the same clock as the events.
    public var start: Double
    public var end: Double
    /// Threads running when recording started (ident, name): the thread that runs the demo.
    public var initialThreads: [ThreadRef]
    /// Whether the GIL was on during the run.
    public var gilEnabled: Bool
    /// Process CPU time (user + system) spent while recording, in seconds; nil when unknown.
    public var cpuSeconds: Double?
    /// The interpreter's start, to place several recordings on one clock (Chrome-trace files).
    public var interpreterStart: Date
    /// Events not kept because the recorder was full, and the time of the last one kept: states after
    /// it are unknown, so lanes stop there.
    public var droppedEvents = 0
    public var recordedUntil: Double?
    /// Where the lanes end: the recording's end, or where the recorder filled up.
    public var lanesEnd: Double { recordedUntil.map { min($0, end) } ?? end }

    public init(events: [TraceEvent], start: Double, end: Double,
                initialThreads: [ThreadRef], gilEnabled: Bool,
                cpuSeconds: Double? = nil, interpreterStart: Date = Date(timeIntervalSince1970: 0)) {
        self.events = events.enumerated().sorted { a, b in
            a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
        }.map(\.element)
        self.start = start; self.end = max(end, start)
        self.initialThreads = initialThreads; self.gilEnabled = gilEnabled
        self.cpuSeconds = cpuSeconds; self.interpreterStart = interpreterStart
    }

    public var wallSeconds: Double { end - start }
}

/// Collects the trace events of one demo or run from an interpreter's `TraceHub`.
///
/// Thread-safe and cheap for the emitting thread: each event is appended to an array under a mutex held
/// for just the append (the listener may run while the GIL's internal lock is held). Nothing is
/// formatted until `stop()`.
public final class TraceRecorder: @unchecked Sendable {
    public let interpreter: Interpreter
    private struct Buffer {
        var events: [TraceEvent] = []
        var dropped = 0
    }
    private let buffer = Locked(Buffer())
    /// At most this many events are kept (a lock-heavy loop emits millions); later ones are counted.
    public var limit = 1_000_000
    private var subscription: Int?
    private var startTime = 0.0
    private var startCPU: Double?
    private var initial: [ThreadRef] = []
    private var gilAtStart = true

    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Starts listening. Call on the thread about to run the demo (it is recorded as running).
    public func start() {
        buffer.withLock { $0 = Buffer() }
        if let vm = VM.current, vm.interp === interpreter {
            initial = [ThreadRef(ident: vm.ident, name: vm.name)]
        } else if let main = interpreter.mainVM {
            initial = [ThreadRef(ident: main.ident, name: main.name)]
        }
        gilAtStart = interpreter.gil.enabled
        startCPU = TraceRecorder.processCPUSeconds()
        startTime = Date().timeIntervalSince(interpreter.startTime)
        let buffer = self.buffer, limit = self.limit
        subscription = interpreter.traceHub.subscribe { e in
            buffer.withLock { b in
                if b.events.count < limit { b.events.append(e) } else { b.dropped += 1 }
            }
        }
    }

    /// Stops listening and returns what was recorded.
    @discardableResult
    public func stop() -> Recording {
        if let s = subscription { interpreter.traceHub.unsubscribe(s) }
        subscription = nil
        let end = Date().timeIntervalSince(interpreter.startTime)
        let cpu = TraceRecorder.processCPUSeconds().flatMap { now in startCPU.map { now - $0 } }
        let b = buffer.withLock { b -> Buffer in defer { b = Buffer() }; return b }
        var r = Recording(events: b.events, start: startTime, end: end, initialThreads: initial,
                          gilEnabled: gilAtStart, cpuSeconds: cpu, interpreterStart: interpreter.startTime)
        if b.dropped > 0 {
            r.droppedEvents = b.dropped
            // The latest recorded event (threads publish concurrently, so the last one appended need not
            // be the latest; the recording's events are sorted by time).
            r.recordedUntil = b.events.lazy.map(\.time).max()
        }
        return r
    }

    /// CPU time (user + system, all threads) this process has used so far, in seconds.
    public static func processCPUSeconds() -> Double? {
        var ts = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0 else { return nil }
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1_000_000_000
    }
}
