import Foundation

/// What running one demo (or all demos of a step) did.
public struct DemoResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The demo ran to its end.
        case completed
        /// An exception escaped the demo; the string is its last traceback line (`ValueError: bad`).
        case raised(String)
        /// The demo ran past its `timeout=` (seconds) and was interrupted.
        case timedOut(Double)
        /// Interrupted from outside (Ctrl-C: `KeyboardInterrupt` while no time limit had run out).
        case interrupted
        /// The deadlock detector found the demo's threads stuck, printed its report and stopped them.
        case deadlocked
        /// The step has no demo.
        case noDemo
    }

    /// The demo block run (nil for `.noDemo`).
    public let block: Block?
    public let outcome: Outcome
    /// Everything the demo wrote to stdout (what checks see as `demo_output`).
    public let output: String
    /// The traceback printed for `.raised`/`.interrupted`, if any.
    public let traceback: String?
    /// Wall-clock seconds the demo took.
    public let duration: Double
    /// The deadlock detector's report when the demo deadlocked (checks see it as `deadlock_report`).
    public let deadlockReport: String?

    public init(block: Block?, outcome: Outcome, output: String, traceback: String? = nil, duration: Double = 0,
                deadlockReport: String? = nil) {
        self.block = block; self.outcome = outcome; self.output = output
        self.traceback = traceback; self.duration = duration; self.deadlockReport = deadlockReport
    }

    /// Whether the demo was expected to deadlock (a ```` ```python demo deadlock ```` block).
    var expectsDeadlock: Bool { block?.attributes.deadlock ?? false }

    /// True for `.completed` (and `.noDemo`); for a `deadlock` demo, true only for `.deadlocked`.
    public var succeeded: Bool {
        if expectsDeadlock { return outcome == .deadlocked }
        return outcome == .completed || outcome == .noDemo
    }

    /// One line describing a failure, as the verifier words it (`demo raised ValueError: bad`), or nil.
    public var failureMessage: String? {
        switch outcome {
        case .completed where expectsDeadlock: return "demo was expected to deadlock but finished"
        case .deadlocked where expectsDeadlock: return nil
        case .deadlocked: return "demo deadlocked"
        case .completed, .noDemo: return nil
        case .raised(let line): return "demo raised \(line)"
        case .timedOut(let s): return "demo timed out after \(formatSeconds(s))"
        case .interrupted: return "demo interrupted"
        }
    }
}

/// The verdict on one `python check` block (or on a demo whose failure kept its checks from running).
public struct CheckResult: Sendable {
    public enum Status: Sendable, Equatable {
        case passed
        /// An `assert` failed: `AssertionError: message (line N: source)`.
        case failed(String)
        /// Another exception escaped the check (or it timed out): the reason in one line.
        case errored(String)
        /// The check did not run because its demo failed (the demo's own entry says why).
        case notRun(String)
    }

    /// The check block (for a failed demo's own entry: the demo block).
    public let block: Block
    /// The lesson file, as `Lesson.path`.
    public let file: String
    public let status: Status
    /// The full traceback for `.errored` (nil otherwise).
    public let traceback: String?
    /// How many times the demo and its checks ran before this verdict (more than 1 only for groups
    /// with a `sometimes` check).
    public let tries: Int

    public init(block: Block, file: String, status: Status, traceback: String? = nil, tries: Int = 1) {
        self.block = block; self.file = file; self.status = status; self.traceback = traceback; self.tries = tries
    }

    public var passed: Bool { status == .passed }
    /// 1-based line of the block's opening fence.
    public var line: Int { block.line }
    /// `file:line`.
    public var location: String { "\(file):\(line)" }
    /// Why it did not pass (nil when it passed).
    public var message: String? {
        switch status {
        case .passed: return nil
        case .failed(let m), .errored(let m), .notRun(let m): return m
        }
    }

    /// The report line, as the CPython verifier prints it: `PASS file:line`,
    /// `PASS file:line (after 3 tries)`, or `FAIL file:line: message`.
    public var report: String {
        if passed { return "PASS \(location)" + (tries > 1 ? " (after \(tries) tries)" : "") }
        return "FAIL \(location): \(message ?? "")"
    }
}

/// A step's demos and, when asked for, its checks.
public struct StepResult: Sendable {
    public let step: Step
    public var demos: [DemoResult]
    /// Empty when checks were not run.
    public var checks: [CheckResult]

    public init(step: Step, demos: [DemoResult], checks: [CheckResult]) {
        self.step = step; self.demos = demos; self.checks = checks
    }

    public var passedCount: Int { checks.filter(\.passed).count }
    public var failedCount: Int { checks.count - passedCount }
}

func formatSeconds(_ s: Double) -> String {
    if s == s.rounded() && s < 1e9 { return "\(Int(s))s" }
    return String(format: "%gs", s)
}
