/// The frames of ordinary calls are immortal (in Swift's reference counting) and recycled process-wide.
///
/// Each call switches the eval loop's frame variable to the callee and back on return, and the
/// optimizer keeps a retain/release pair for each switch: four atomic operations per call and return,
/// close to half of what a call to a plain function cost. An immortal frame makes those operations
/// no-ops. Immortal objects are never freed, so frames are not created per thread and thrown away: a
/// thread's frame stack (`VM.frameStack`) takes its frames from this pool and gives them back when the
/// VM goes away. Memory is bounded by the deepest call nesting that ever ran at once, summed over threads.
///
/// Generator frames come from the pool too: a generator owns its frame while it lives and gives it back
/// when it goes away (`PyGenerator.deinit`).
enum FramePool {
    // `Locked` (a pthread mutex), not Synchronization's `Mutex`: ThreadSanitizer cannot see the futex
    // lock, and with generator frames pooled too, threads take and give back frames all the time.
    private static let free = Locked<[Frame]>([])

    /// A recycled frame, or nil when the pool is empty.
    static func take() -> Frame? {
        free.withLock { $0.popLast() }
    }

    /// A new frame for the pool: made immortal before any other thread can see it.
    static func make(_ frame: Frame) -> Frame {
        Immortal.make(frame)
        return frame
    }

    /// Returns a finished generator's frame (already recycled) to the pool.
    static func giveBack(_ frame: Frame) {
        free.withLock { $0.append(frame) }
    }

    /// Returns a finished thread's idle frames (already recycled) to the pool.
    static func giveBack(_ frames: ArraySlice<Frame>) {
        guard !frames.isEmpty else { return }
        free.withLock { $0.append(contentsOf: frames) }
    }
}
