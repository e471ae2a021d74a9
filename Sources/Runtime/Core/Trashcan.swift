import CSupport
import Foundation

/// Deallocating a long chain (a 100,000-node linked list, a list nested 100,000 deep) would recurse
/// once per link on the Swift stack and overflow it. Like CPython's "trashcan", containers hand their
/// children to `Trashcan.dispose` from `deinit`: past a nesting limit the children are parked on a
/// per-thread list instead of being released, and the outermost dispose releases the parked values
/// iteratively.
enum Trashcan {
    static let limit: Int32 = 50

    final class Pending { var values: [Value] = [] }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<Pending>.fromOpaque(raw).release() } }
        return k
    }()

    private static var pending: Pending {
        if let raw = pthread_getspecific(key) { return Unmanaged<Pending>.fromOpaque(raw).takeUnretainedValue() }
        let p = Pending()
        pthread_setspecific(key, Unmanaged.passRetained(p).toOpaque())
        return p
    }

    /// `dispose` for a dying dict's or set's entries: released in place (no copy into a `[Value]`, which
    /// cost an allocation per dict freed — every instance's `__dict__`) unless they must be parked.
    static func dispose(entries: consuming [DictTable.Entry]) {
        let depth = interleave_dealloc_enter()
        if depth > limit {
            let parked = pending
            for e in entries { parked.values.append(e.key); parked.values.append(e.value) }
            interleave_dealloc_leave()
            return
        }
        _ = consume entries
        if depth == 1 { releaseParked() }
        interleave_dealloc_leave()
    }

    /// Releases the values parked by nested disposals, iteratively (called by the outermost dispose).
    private static func releaseParked() {
        // Read without retaining `Pending` (and without creating it on threads that never parked
        // anything): this runs for every outermost container freed.
        guard let raw = pthread_getspecific(key) else { return }
        Unmanaged<Pending>.fromOpaque(raw)._withUnsafeGuaranteedRef { parked in
            while !parked.values.isEmpty {
                let batch = parked.values
                parked.values = []
                _ = consume batch
            }
        }
    }

    /// `dispose` for a dying instance's inline attribute values: released in place (each slot left
    /// `.null`, as the instance's own destruction expects) unless they must be parked.
    static func dispose(inline values: UnsafeMutablePointer<Value>, count: Int) {
        let depth = interleave_dealloc_enter()
        if depth > limit {
            let parked = pending
            for i in 0..<count where Value.peekObject(values + i) != nil {
                parked.values.append((values + i).move())
                (values + i).initialize(to: .null)
            }
            interleave_dealloc_leave()
            return
        }
        for i in 0..<count where Value.peekObject(values + i) != nil { values[i] = .null }
        if depth == 1 { releaseParked() }
        interleave_dealloc_leave()
    }

    /// Releases `children` (moved out of a dying container) without deep recursion.
    static func dispose(_ children: consuming [Value]) {
        // A small container of ints, floats, None … frees nothing that could recurse: skip the depth
        // bookkeeping (two C calls and a thread-specific lookup per tuple freed, `(i, a, b)` in a loop).
        if children.count <= 8, children.withUnsafeBufferPointer({ b in
            !b.indices.contains { Value.peekObject(b.baseAddress! + $0) != nil }
        }) { return }
        let depth = interleave_dealloc_enter()
        if depth > limit {
            pending.values.append(contentsOf: children)
            interleave_dealloc_leave()
            return
        }
        _ = consume children
        if depth == 1 { releaseParked() }
        interleave_dealloc_leave()
    }
}
