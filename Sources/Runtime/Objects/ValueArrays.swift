/// Making `[Value]` arrays of a known size. `Array(unsafeUninitializedCapacity:)` and array literals
/// allocate through the standard library's unspecialized `_allocateBufferUninitialized`, which looks up
/// `_ContiguousArrayStorage<Value>`'s metadata in the runtime's hash table on every call: about 360 of
/// the 1,450 instructions of `(x, x)` in a loop. Copying from an `UnsafeBufferPointer` takes the
/// specialized path (the metadata cached after the first use); copying from a buffer of `.null`s, which
/// own nothing, and then initializing the slots over them gives an array of uninitialized-equivalent
/// slots at that price.
enum ValueArrays {
    /// How many `.null`s `make` can start from (longer arrays take the generic path).
    static let nullCount = 32
    nonisolated(unsafe) static let nulls: UnsafeMutablePointer<Value> = {
        let p = UnsafeMutablePointer<Value>.allocate(capacity: nullCount)
        p.initialize(repeating: .null, count: nullCount)
        return p
    }()

    /// An array of `count` (1...nullCount) values written by `fill` into its storage, which holds `.null`s
    /// (nothing to release: `fill` initializes over them).
    @inline(__always)
    static func make(_ count: Int, _ fill: (UnsafeMutablePointer<Value>) -> Void) -> [Value] {
        var a = Array(UnsafeBufferPointer(start: nulls, count: count))
        a.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
        return a
    }
}
