import Synchronization

/// A `__dict__` made on first use, for objects that usually never need one (functions: closures and
/// lambdas made in loops; exceptions: raised and caught without an attribute set or read). Threads
/// racing to make it agree on one: the first compare-exchange wins and the others drop theirs.
struct LazyDict: ~Copyable {
    /// An `Unmanaged<PyDict>` bit pattern holding a +1 reference, 0 until the dict is made.
    private let bits = Atomic<UInt>(0)

    init() {}

    var dict: PyDict {
        let current = bits.load(ordering: .acquiring)
        if current != 0 { return Unmanaged<PyDict>.fromOpaque(UnsafeRawPointer(bitPattern: current)!).takeUnretainedValue() }
        let made = Unmanaged.passRetained(PyDict())
        let (won, winner) = bits.compareExchange(expected: 0, desired: UInt(bitPattern: made.toOpaque()),
                                                 ordering: .acquiringAndReleasing)
        if won { return made.takeUnretainedValue() }
        made.release()
        return Unmanaged<PyDict>.fromOpaque(UnsafeRawPointer(bitPattern: winner)!).takeUnretainedValue()
    }

    deinit {
        let current = bits.load(ordering: .acquiring)
        if current != 0 { Unmanaged<PyDict>.fromOpaque(UnsafeRawPointer(bitPattern: current)!).release() }
    }
}
