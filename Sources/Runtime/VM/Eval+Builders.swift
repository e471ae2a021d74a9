/// The eval loop's dict displays, out of the loop itself (an allocation dominates them anyway).
extension VM {
    /// BUILD_MAP: the dict of the `count` key/value pairs on the stack top, which replaces them. Keys and
    /// values are read where they are (no array copy of them first); the stack keeps owning them until
    /// the dict is built, so an exception from `__hash__` or `__eq__` unwinds them as usual.
    @inline(never)
    func buildMap(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, count n: Int) throws {
        let base = sp - 2 * n
        let d = PyDict()
        for i in 0..<n { try d.set(slots[base + 2 * i], slots[base + 2 * i + 1], vm: self) }
        sp = base; Value.release(slots + sp, count: 2 * n)
        push(slots, &sp, .object(d))
    }

    /// BUILD_CONST_KEY_MAP: as BUILD_MAP, with the keys in a constant tuple on the stack top (read in
    /// place) and the `count` values below it.
    @inline(never)
    func buildConstKeyMap(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, count n: Int) throws {
        let base = sp - 1 - n
        let d = PyDict()
        try Value.peekObject(slots + sp - 1).unsafelyUnwrapped._withUnsafeGuaranteedRef { ko in
            guard ko.isExactly(tupleClass) else { fatalError("bad const key map") }
            try unsafeDowncast(ko, to: PyTuple.self).items.withUnsafeBufferPointer { keys in
                for i in 0..<n { try d.set(keys[i], slots[base + i], vm: self) }
            }
        }
        sp = base; Value.release(slots + sp, count: n + 1)
        push(slots, &sp, .object(d))
    }
}
