import Foundation
import Synchronization
import CSupport
import Runtime

/// Ctrl-C for the REPL. The SIGINT handler (CSupport) only sets a flag; a watcher thread takes it and
/// decides what it means:
///
/// - while Python code runs (`whileRunning`), KeyboardInterrupt is raised in the main Python thread at its
///   next safe point (`VM.requestInterrupt`), as CPython does;
/// - at the prompt, the line being typed is cancelled: the line reader polls `takePending()`.
public final class InterruptController: @unchecked Sendable {
    public static let shared = InterruptController()

    private struct State {
        var running: VM?
        var pending = false
        var installed = false
    }
    private let state = Locked<State>(State())

    init() {}

    /// Installs the SIGINT handler and starts the watcher (once per process).
    public func install() {
        let first = state.withLock { s -> Bool in
            if s.installed { return false }
            s.installed = true
            return true
        }
        guard first else { return }
        _ = interleave_install_sigint()
        let watcher = Thread { [self] in
            while true {
                if interleave_take_sigint() != 0 { deliver() }
                usleep(15_000)
            }
        }
        watcher.name = "interleave-sigint"
        watcher.start()
    }

    /// What a Ctrl-C means right now (also callable directly, e.g. from tests).
    public func deliver() {
        state.withLock { s in
            if let vm = s.running { vm.requestInterrupt() } else { s.pending = true }
        }
    }

    /// Runs Python code on `vm`: a Ctrl-C meanwhile (or one that came in just before, after the prompt had
    /// read the line) raises KeyboardInterrupt in it.
    public func whileRunning<R>(_ vm: VM, _ body: () throws -> R) rethrows -> R {
        let previous = state.withLock { s -> VM? in
            let p = s.running
            s.running = vm
            if s.pending { vm.requestInterrupt() }
            s.pending = false
            return p
        }
        defer { state.withLock { $0.running = previous } }
        return try body()
    }

    /// Whether a Ctrl-C arrived at the prompt since the last call (and forgets it).
    public func takePending() -> Bool {
        state.withLock { s in
            let p = s.pending
            s.pending = false
            return p
        }
    }

    /// Forgets a Ctrl-C that arrived at the prompt.
    public func clearPending() { _ = takePending() }
}
