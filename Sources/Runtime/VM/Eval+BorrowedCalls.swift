/// Calls whose arguments are lent from the caller's locals (`LOAD_FAST_BORROW`, `LOAD_FAST_BORROW_METHOD`,
/// `CALL_BORROWED`; see `Opcode.callBorrowed`). A lent slot holds an object reference that owns no
/// reference count: pushing a local for `len(x)` or `xs.append(v)` and dropping it after the call cost two
/// atomic operations per object, the largest share of a cheap native call. The locals keep the objects
/// alive: no code can rebind another frame's fast locals, and the fuse pass only lends in calls whose
/// arguments are plain local and constant loads (nothing runs between the loads and the call).
extension VM {
    /// LOAD_FAST_BORROW_METHOD: when the object in `local` is of a builtin type with a native method
    /// `names[i]`, writes `[method, lent object]` at `top` and returns true; false, nothing written,
    /// otherwise (the instruction then acts as LOAD_FAST and LOAD_METHOD runs).
    @inline(__always)
    func lendNativeMethod(_ local: UnsafeMutablePointer<Value>, to top: UnsafeMutablePointer<Value>,
                          _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let ou = Value.peekObject(local), let fn = nativeMethod(ou, names, i) else { return false }
        // Builtin types' methods are immortal: the slot need not own a reference (dropping it skips
        // immortal objects). Checked, not assumed: without the immortal layout nothing is immortal.
        if Value.isImmortal(fn) {
            Value.initializeBorrowed(top, Unmanaged<PyObject>.fromOpaque(fn.toOpaque()))
        } else {
            top.initialize(to: .object(fn.takeUnretainedValue()))
        }
        Value.initializeLent(top + 1, ou)
        return true
    }

    /// CALL_BORROWED's native call: when the callable is a native function, calls it with the lent slots
    /// passed as borrowed values, pops the call's slots (releasing only the owned ones) and returns the
    /// result. nil, stack untouched, for any other callable (the caller then owns the lent slots with
    /// `ownLent` and makes an ordinary call). An exception leaves the lent slots lent, so unwinding skips them.
    @inline(__always)
    func callNativeLending(_ slots: UnsafeMutablePointer<Value>, _ sp: Int,
                           _ layout: (base: Int, argStart: Int, nargs: Int)) throws -> Value? {
        // Checked here, inline: a Python function (the common other case) skips the call below.
        guard let cu = Value.peekObject(slots + layout.argStart - 1),
              cu._withUnsafeGuaranteedRef({ $0.hasType(builtinFunctionTypeID) }) else { return nil }
        if layout.nargs == 2, cu._withUnsafeGuaranteedRef({ ObjectIdentifier($0) }) == listAppendID,
           appendLending(slots, sp, layout) { return Value.none }
        return try callNativeLendingSlow(slots, sp, layout)
    }

    /// `xs.append(v)` with the list and `v` lent or owned (`[append, xs, v]` at `layout.base`): `v` is
    /// copied into the list (moved when owned) and the call's slots are popped, as `callNativeLending`
    /// does. A tenth of the general path (retagging, the native closure, `Args`) for the commonest method
    /// call of all. False, nothing done, when the receiver is not an exact list.
    @inline(__always)
    private func appendLending(_ slots: UnsafeMutablePointer<Value>, _ sp: Int,
                               _ layout: (base: Int, argStart: Int, nargs: Int)) -> Bool {
        let receiver = slots + layout.argStart, item = receiver + 1
        guard let lu = Value.peekObjectOrLent(receiver),
              lu._withUnsafeGuaranteedRef({ $0.isExactly(listClass) }) else { return false }
        let receiverLent = Value.isLent(receiver)
        lu._withUnsafeGuaranteedRef { o in
            let list = unsafeDowncast(o, to: PyList.self)
            if Value.isLent(item) {
                Value.retag(item, lent: false)      // a borrowed `.object` now: copied (retained) below
                list.append(item.pointee)
            } else {
                list.append(item.move())
            }
        }
        if !receiverLent { Value.drop(receiver) }
        Value.release(slots + layout.base, count: layout.argStart - layout.base)
        return true
    }

    /// (`callNativeInPlace` checks the callable's class and returns nil, lent slots restored, for any other.)
    @inline(never)
    private func callNativeLendingSlow(_ slots: UnsafeMutablePointer<Value>, _ sp: Int,
                                       _ layout: (base: Int, argStart: Int, nargs: Int)) throws -> Value? {
        // At most seven slots (the fuse pass lends in calls of up to six arguments and self), so one
        // word holds the lent bits. Plain counted loops with wrapping arithmetic: the range loops with
        // `where` clauses cost overflow and bounds checks per argument, a visible share of a native call.
        let args = slots + layout.argStart
        let n = sp &- layout.argStart
        var lent: UInt64 = 0
        var i = 0
        while i < n {
            if Value.isLent(args + i) { Value.retag(args + i, lent: false); lent |= 1 &<< UInt64(i) }
            i &+= 1
        }
        let result: Value?
        do { result = try callNativeInPlace(slots, layout) } catch { relend(args, n, lent); throw error }
        guard let r = result else { relend(args, n, lent); return nil }
        Value.release(slots + layout.base, count: layout.argStart &- layout.base)
        i = 0
        while i < n {
            if lent & (1 &<< UInt64(i)) == 0 { Value.drop(args + i) }
            i &+= 1
        }
        return r
    }

    /// Tags the slots among the `n` at `args` whose bit is set in `lent` as lent again.
    private func relend(_ args: UnsafeMutablePointer<Value>, _ n: Int, _ lent: UInt64) {
        var i = 0
        while i < n {
            if lent & (1 &<< UInt64(i)) != 0 { Value.retag(args + i, lent: true) }
            i &+= 1
        }
    }

    /// Turns the lent slots among the `count` at `p` into ordinary references (retained), for a callee
    /// that keeps its arguments (a Python function's frame) or takes the general call path.
    @inline(__always)
    func ownLent(_ p: UnsafeMutablePointer<Value>, count: Int) {
        for i in 0..<count where Value.isLent(p + i) {
            Value.retag(p + i, lent: false)
            _ = Value.peekObject(p + i)!.retain()
        }
    }
}
