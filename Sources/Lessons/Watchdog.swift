import Foundation
import Synchronization
import Runtime

/// Enforces a time limit on code running in a VM: when `seconds` pass before `cancel()`, it asks the
/// VM to raise KeyboardInterrupt at its next safe point, and keeps asking (every 0.2 s) until cancelled,
/// in case the code catches the first one.
final class Watchdog: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let firedFlag = Atomic<Bool>(false)
    private let seconds: Double
    private let vm: VM

    init(seconds: Double, vm: VM) {
        self.seconds = seconds
        self.vm = vm
        let thread = Thread { [self] in self.watch() }
        thread.name = "interleave-watchdog"
        thread.start()
    }

    private func watch() {
        if done.wait(timeout: .now() + seconds) == .timedOut {
            firedFlag.store(true, ordering: .releasing)
            repeat {
                vm.requestInterrupt()
            } while done.wait(timeout: .now() + 0.2) == .timedOut
        }
        finished.signal()
    }

    /// Whether the time limit ran out.
    var fired: Bool { firedFlag.load(ordering: .acquiring) }

    /// Stops the watchdog and waits for its thread to end (so no interrupt arrives afterwards).
    func cancel() {
        done.signal()
        finished.wait()
    }
}
