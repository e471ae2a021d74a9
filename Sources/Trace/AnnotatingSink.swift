import Foundation
import Synchronization
import Runtime

/// Annotated output, first form: wraps a sink and puts a gutter before every complete line a
/// program prints, telling when (seconds since `start`) and which Python thread printed it:
///
///      0.012s MainThread │ hello
///      0.113s greeter    │ greeter: hello, alex?
///
/// Lines are assembled per printing thread: a partial line (`print(..., end="")`) waits in that
/// thread's buffer until its newline arrives, so two threads printing at once never splice their
/// text into one gutter line. `flush()` (e.g. `print(..., flush=True)`, `input()`) shows partial lines
/// at once; the same thread's next text continues that line, and any other thread's line starts on a
/// fresh one. Call `finish()` when the program is done, to close an unfinished line.
///
/// The gutter is dim and each thread name has a stable colour when `colour` is true (pass
/// `Terminal.colourEnabled(fd:)`). Thread-safe: all state is behind one lock, and the wrapped sink
/// is written under it, so lines come out whole.
public final class AnnotatingSink: OutputSink, @unchecked Sendable {
    /// Whom a piece of text came from: a Python thread (by VM identity) on one of two streams.
    struct Key: Hashable {
        let vm: ObjectIdentifier?
        let isError: Bool
    }

    struct State {
        var start: Date
        var buffers: [Key: String] = [:]
        var names: [Key: String] = [:]
        /// The thread whose flushed partial line is on screen without its newline, if any.
        var openLine: Key?
        var nameWidth: Int
    }

    /// Where annotated lines go.
    public let target: OutputSink
    /// Where stderr lines go (usually the same terminal as `target`).
    public let errorTarget: OutputSink
    /// Where engine notes go (`note(_:thread:)`); defaults to `target`.
    public let noteTarget: OutputSink
    public let colour: Bool
    private let state: Locked<State>
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - target: the sink annotated lines are written to.
    ///   - errorTarget: where `errorSink`'s lines go; defaults to `target`.
    ///   - colour: ANSI colour for the gutter and thread names.
    ///   - minimumNameWidth: thread names are padded to at least this width (then to the widest seen).
    ///   - start: time zero for the gutter; `restart()` resets it.
    ///   - clock: the time source (tests pass a fake one).
    public init(target: OutputSink, errorTarget: OutputSink? = nil, noteTarget: OutputSink? = nil,
                colour: Bool = false,
                minimumNameWidth: Int = 10, start: Date? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.target = target
        self.errorTarget = errorTarget ?? target
        self.noteTarget = noteTarget ?? target
        self.colour = colour
        self.clock = clock
        self.state = Locked(State(start: start ?? clock(), nameWidth: minimumNameWidth))
    }

    /// The sink for the program's stderr: same gutter and buffering, written to `errorTarget`, with a
    /// `!` after the thread name so error lines stand out.
    public var errorSink: OutputSink { ErrorChannel(owner: self) }

    /// Resets time zero to now (call when a demo starts).
    public func restart() {
        let now = clock()
        state.withLock { $0.start = now }
    }

    /// Seconds since time zero.
    public var elapsed: Double {
        let now = clock()
        return state.withLock { now.timeIntervalSince($0.start) }
    }

    // MARK: OutputSink

    public func write(_ text: String, from vm: VM?) {
        write(text, from: vm, isError: false)
    }

    /// Shows every buffered partial line now (without ending it) and flushes the targets.
    public func flush() {
        let now = clock()
        state.withLock { s in flushPartials(&s, now: now) }
        target.flush()
        if errorTarget !== target { errorTarget.flush() }
    }

    /// Shows any unfinished lines and ends them with a newline, so whatever is written next starts on
    /// a fresh line. Call when the demo is over.
    public func finish() {
        let now = clock()
        state.withLock { s in
            flushPartials(&s, now: now)
            if let open = s.openLine {
                sinkFor(open).write("\n", from: nil)
                s.openLine = nil
            }
        }
        target.flush()
        if errorTarget !== target { errorTarget.flush() }
    }

    /// Writes an engine note (`:annotate events`) as a line of its own with `thread`'s gutter, dim and
    /// marked `┆` instead of `│`, to `noteTarget`. A partial line on screen is ended first, so notes never
    /// split program output.
    public func note(_ text: String, thread: String) {
        let now = clock()
        state.withLock { s in
            if let open = s.openLine {
                sinkFor(open).write("\n", from: nil)
                s.openLine = nil
            }
            s.nameWidth = max(s.nameWidth, Terminal.displayWidth(thread))
            var g = AnnotatingSink.gutter(seconds: now.timeIntervalSince(s.start), thread: thread,
                                          nameWidth: s.nameWidth, colour: colour)
            g = g.replacingOccurrences(of: "│", with: "┆")
            let a = Terminal.ANSI.self
            noteTarget.write(g + (colour ? a.dim + a.italic + text + a.reset : text) + "\n", from: nil)
        }
    }

    // MARK: formatting

    /// The gutter for one line: `" 0.012s MainThread │ "` (name padded to `nameWidth`).
    public static func gutter(seconds: Double, thread: String, nameWidth: Int, colour: Bool,
                              isError: Bool = false) -> String {
        let time = String(format: "%6.3fs", max(0, seconds))
        let shownName = isError ? thread + "!" : thread
        let pad = String(repeating: " ", count: max(0, nameWidth - Terminal.displayWidth(shownName)))
        if !colour { return "\(time) \(shownName)\(pad) │ " }
        let a = Terminal.ANSI.self
        let nameColour = isError ? a.red : Terminal.colour(forThread: thread)
        return "\(a.dim)\(time)\(a.reset) \(nameColour)\(shownName)\(a.reset)\(pad) \(a.dim)│\(a.reset) "
    }

    func write(_ text: String, from vm: VM?, isError: Bool) {
        if text.isEmpty { return }
        let key = Key(vm: vm.map { ObjectIdentifier($0) }, isError: isError)
        let name = vm?.name ?? (isError ? "stderr" : "-")
        let now = clock()
        state.withLock { s in
            s.names[key] = name
            var buffer = (s.buffers[key] ?? "") + text
            while let nl = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<nl])
                buffer = String(buffer[buffer.index(after: nl)...])
                emit(&s, key: key, text: line, complete: true, now: now)
            }
            s.buffers[key] = buffer.isEmpty ? nil : buffer
        }
    }

    private func sinkFor(_ key: Key) -> OutputSink { key.isError ? errorTarget : target }

    private func flushPartials(_ s: inout State, now: Date) {
        // The open line's owner first, so its text continues where it stopped.
        var keys = Array(s.buffers.keys)
        if let open = s.openLine, let i = keys.firstIndex(of: open) { keys.swapAt(0, i) }
        for key in keys {
            guard let text = s.buffers[key], !text.isEmpty else { continue }
            s.buffers[key] = nil
            emit(&s, key: key, text: text, complete: false, now: now)
        }
    }

    /// Writes one line (or a partial line) with its gutter. Called with the lock held.
    private func emit(_ s: inout State, key: Key, text: String, complete: Bool, now: Date) {
        let sink = sinkFor(key)
        var out = ""
        if s.openLine == key {
            out = text                          // continues the line already on screen
        } else {
            if let open = s.openLine {
                sinkFor(open).write("\n", from: nil)
            }
            let name = s.names[key] ?? "-"
            let shown = key.isError ? name + "!" : name
            s.nameWidth = max(s.nameWidth, Terminal.displayWidth(shown))
            out = AnnotatingSink.gutter(seconds: now.timeIntervalSince(s.start), thread: name,
                                        nameWidth: s.nameWidth, colour: colour, isError: key.isError) + text
        }
        if complete {
            out += "\n"
            s.openLine = nil
        } else {
            s.openLine = key
        }
        sink.write(out, from: nil)
    }

    /// `errorSink`: forwards to the owner, marked as stderr.
    final class ErrorChannel: OutputSink, @unchecked Sendable {
        let owner: AnnotatingSink
        init(owner: AnnotatingSink) { self.owner = owner }
        func write(_ text: String, from vm: VM?) { owner.write(text, from: vm, isError: true) }
        func flush() { owner.flush() }
    }
}

/// Writes everything to several sinks in order (e.g. a capture and the terminal).
public final class TeeSink: OutputSink, @unchecked Sendable {
    public let sinks: [OutputSink]
    public init(_ sinks: [OutputSink]) { self.sinks = sinks }
    public func write(_ text: String, from vm: VM?) { for s in sinks { s.write(text, from: vm) } }
    public func flush() { for s in sinks { s.flush() } }
}
