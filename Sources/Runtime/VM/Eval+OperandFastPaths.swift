/// Fast paths of the eval loop that read their operands where they are (stack slots, locals, constants)
/// instead of popping copies: subscripts, slices, `in`, str concatenation. Each copy of an object
/// `Value` is an atomic retain and its drop an atomic release, and these operations only need to look.
/// They live out of the eval loop's giant function for the same reason as the call fast paths (see
/// Eval+CallFastPaths.swift): in a small function the optimizer drops retains it keeps in the loop.
extension VM {
    /// `container[i]` for an exact list or tuple and an int `i`, read in place from the stack: the
    /// container slot (`sp - 2`) is replaced by the item and the caller pops the int. Returns false,
    /// stack untouched, for anything else (including an index out of range, which the generic path
    /// reports).
    @inline(never)
    func subscriptFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int) -> Bool {
        guard let v = subscriptInPlace(slots + sp - 2, slots + sp - 1) else { return false }
        Value.assign(slots + sp - 2, v)
        return true
    }

    /// `container[key]` with both read where they are (stack slots, locals, constants): an exact list
    /// or tuple by int, or an exact dict, with the GIL held, by a key that hashes and compares without
    /// Python code and is present (read without the dict's lock, see `PyDict.getStrHoldingGIL`). nil for
    /// anything else, including a missing key or index, which the generic path reports.
    @inline(never)
    func subscriptInPlace(_ container: UnsafeMutablePointer<Value>, _ key: UnsafeMutablePointer<Value>) -> Value? {
        guard let cu = Value.peekObject(container) else { return nil }
        return cu._withUnsafeGuaranteedRef { o -> Value? in
            if let i = Value.peekInt(key) {
                if o.isExactly(tupleClass), o.hasType(tupleTypeID) {
                    return unsafeDowncast(o, to: PyTuple.self).item(pythonIndex: i)
                }
                if o.isExactly(listClass), o.hasType(listTypeID) {
                    let l = unsafeDowncast(o, to: PyList.self)
                    return gilHeld ? l.itemHoldingGIL(pythonIndex: i) : l.item(pythonIndex: i)
                }
            }
            guard gilHeld, o.isExactly(dictClass), o.hasType(dictTypeID),
                  case .hash(let h) = Hashing.fast(key.pointee) else { return nil }
            if case .found(let v) = unsafeDowncast(o, to: PyDict.self).lookupHoldingGIL(key.pointee, hash: h) { return v }
            return nil
        }
    }

    /// CONTAINS_OP on the stack, in place (see `containsInPlace`): `[item, container]` becomes
    /// `[bool]` by the caller. nil, stack untouched, otherwise.
    @inline(never)
    func containsFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int) -> Bool? {
        guard let r = containsInPlace(slots + sp - 2, slots + sp - 1) else { return nil }
        Value.release(slots + sp - 2, count: 2)
        return r
    }

    /// `item in container` with both read where they are: an exact dict or set, with the GIL held, and
    /// a key that hashes and compares without Python code; or a str in an exact str. nil otherwise.
    @inline(never)
    func containsInPlace(_ item: UnsafeMutablePointer<Value>, _ container: UnsafeMutablePointer<Value>) -> Bool? {
        guard let cu = Value.peekObject(container) else { return nil }
        return cu._withUnsafeGuaranteedRef { o -> Bool? in
            if o.isExactly(strClass) {
                guard let iu = Value.peekObject(item) else { return nil }
                return iu._withUnsafeGuaranteedRef { i in
                    i.isExactly(strClass)
                        ? StrSupport.contains(unsafeDowncast(o, to: PyStr.self), unsafeDowncast(i, to: PyStr.self)) : nil
                }
            }
            guard gilHeld else { return nil }
            let isDict = o.isExactly(dictClass) && o.hasType(dictTypeID)
            guard isDict || (o.isExactly(setClass) && o.hasType(setTypeID)),
                  case .hash(let h) = Hashing.fast(item.pointee) else { return nil }
            return isDict ? unsafeDowncast(o, to: PyDict.self).containsHoldingGIL(item.pointee, hash: h)
                : unsafeDowncast(o, to: PySet.self).containsHoldingGIL(item.pointee, hash: h)
        }
    }

    /// STORE_SUBSCR (`[value, container, key]` at `p`) on an exact dict, or an exact list with an int
    /// index, with the container read in place (popping it into `setItem`'s argument retained and
    /// released it); the three slots are released afterwards, the value having been copied into the
    /// container. false, nothing done, for any other container. An error leaves the slots to the unwinder.
    @inline(never)
    func storeSubscrInPlace(_ p: UnsafeMutablePointer<Value>) throws -> Bool {
        guard let cu = Value.peekObject(p + 1) else { return false }
        let done = try cu._withUnsafeGuaranteedRef { try setItemOfBuiltin($0, p[2], p[0]) }
        if done { Value.release(p, count: 3) }
        return done
    }

    /// `a + b` (and `a += b`) for two exact strs, read in place: `[a, b]` becomes `[a + b]`. Through
    /// the generic `binaryOp`, the operands were copied off the stack and the result built with
    /// String's `+`: about ten reference-counting operations per concatenation.
    @inline(never)
    func strConcatFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int) -> Bool {
        guard let au = Value.peekObject(slots + sp - 2), let bu = Value.peekObject(slots + sp - 1) else { return false }
        let r: Value? = au._withUnsafeGuaranteedRef { a in
            bu._withUnsafeGuaranteedRef { b in
                guard a.isExactly(strClass), b.isExactly(strClass) else { return nil }
                return RuntimeSetup.strConcat(unsafeDowncast(a, to: PyStr.self), unsafeDowncast(b, to: PyStr.self))
            }
        }
        guard let v = r else { return false }
        Value.release(slots + sp - 2, count: 2)
        (slots + sp - 2).initialize(to: v)
        return true
    }

    /// `BUILD_SLICE 2; BINARY_SUBSCR` (`seq[a:b]`, `seq[a:]`, `seq[:b]`) for an exact list, tuple or str
    /// and bounds that are ints or None: the items are selected directly, without making a slice object
    /// and calling the type's `__getitem__` (CPython 3.12's BINARY_SLICE). The stack `[seq, a, b]`
    /// becomes `[result]`. Returns false, stack untouched, for anything else.
    @inline(never)
    func sliceFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int) -> Bool {
        guard let cu = Value.peekObject(slots + sp - 3),
              let lo = TypeSupport.plainSliceBound(slots + sp - 2),
              let hi = TypeSupport.plainSliceBound(slots + sp - 1) else { return false }
        let result: Value? = cu._withUnsafeGuaranteedRef { o in
            if o.isExactly(listClass), o.hasType(listTypeID) {
                let l = unsafeDowncast(o, to: PyList.self)
                return .object(PyList(l.withItems { items -> [Value] in
                    let (start, count) = TypeSupport.unitSlice(lo, hi, items.count)
                    return Array(items[start..<(start + count)])
                }))
            }
            if o.isExactly(tupleClass), o.hasType(tupleTypeID) {
                let t = unsafeDowncast(o, to: PyTuple.self)
                let (start, count) = TypeSupport.unitSlice(lo, hi, t.items.count)
                if start == 0 && count == t.items.count { return .object(t) }
                return RuntimeSetup.makeTuple(Array(t.items[start..<(start + count)]))
            }
            if o.isExactly(strClass), o.hasType(strTypeID) {
                let s = unsafeDowncast(o, to: PyStr.self)
                let (start, count) = TypeSupport.unitSlice(lo, hi, s.count)
                return count <= 0 ? .object(StrSupport.empty) : StrSupport.slice(s, start, start + count)
            }
            return nil
        }
        guard let r = result else { return false }
        Value.release(slots + sp - 3, count: 3)
        (slots + sp - 3).initialize(to: r)
        return true
    }
}

extension TypeSupport {
    /// A slice bound read in place: `.some(nil)` for None, `.some(n)` for an int, nil for anything else
    /// (which the generic path handles: bools, big ints, `__index__`).
    @inline(__always)
    static func plainSliceBound(_ p: UnsafeMutablePointer<Value>) -> Int?? {
        if let n = Value.peekInt(p) { return .some(n) }
        if case .none = p.pointee { return .some(nil) }
        return nil
    }

    /// `slice(lo, hi).indices(length)` for step 1 (the same clamping as `sliceIndices`): start and count.
    @inline(__always)
    static func unitSlice(_ lo: Int?, _ hi: Int?, _ length: Int) -> (start: Int, count: Int) {
        let start = lo.map { $0 < 0 ? Swift.max($0 &+ length, 0) : Swift.min($0, length) } ?? 0
        let stop = hi.map { $0 < 0 ? Swift.max($0 &+ length, 0) : Swift.min($0, length) } ?? length
        return (start, start < stop ? stop - start : 0)
    }
}
