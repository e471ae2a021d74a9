/// BINARY_SUBSCR's fast path, out of the eval loop's giant function for the same reason as the call
/// fast paths (see Eval+CallFastPaths.swift): in a small function the optimizer drops the retain and
/// release of the container and of its item array that the generic `getItem` pays.
extension VM {
    /// `container[i]` for an exact list or tuple and an int `i`, read in place from the stack: the
    /// container slot (`sp - 2`) is replaced by the item and the caller pops the int. Returns false,
    /// stack untouched, for anything else (including an index out of range, which the generic path
    /// reports).
    @inline(never)
    func subscriptFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int) -> Bool {
        guard let cu = Value.peekObject(slots + sp - 2), let i = Value.peekInt(slots + sp - 1) else { return false }
        let item: Value? = cu._withUnsafeGuaranteedRef { o in
            if o.isExactly(PyTuple.self), o.hasType(tupleTypeID) {
                return unsafeDowncast(o, to: PyTuple.self).item(pythonIndex: i)
            }
            if o.isExactly(PyList.self), o.hasType(listTypeID) {
                return unsafeDowncast(o, to: PyList.self).item(pythonIndex: i)
            }
            return nil
        }
        guard let v = item else { return false }
        slots[sp - 2] = v
        return true
    }
}
