import Compiler

// The eval loop's value-stack primitives.
//
// Stack and instruction indices use wrapping arithmetic (`&+=`): they are bounded by the frame size and
// the code length, which the compiler checks, and an overflow check per push, pop and instruction was a
// compare-and-branch on the eval loop's hottest paths.
@inline(__always) func push(_ s: UnsafeMutablePointer<Value>, _ sp: inout Int, _ v: Value) {
    (s + sp).initialize(to: v); sp &+= 1
}
@inline(__always) func pop(_ s: UnsafeMutablePointer<Value>, _ sp: inout Int) -> Value {
    sp &-= 1; return (s + sp).move()
}

/// FOR_ITER's next item (from an iterator, or from the `yield` of a generator running inline), with
/// `pc` just past the FOR_ITER: `for x in …:` stores it at once, doing the STORE_FAST that follows (one
/// dispatch fewer per iteration); otherwise it is pushed. The local's old value is released with
/// `Value.drop` and the slot initialized: assigning (`slots[i] = v`) called the outlined destroy
/// through the value-witness table on every iteration.
@inline(__always) func deliverForItem(_ v: consuming Value, _ ins: UnsafeMutablePointer<Instruction>,
                                      _ slots: UnsafeMutablePointer<Value>, _ pc: inout Int, _ sp: inout Int) {
    let next = ins[pc]
    if next.op == .storeFast {
        let local = slots + Int(next.arg)
        Value.drop(local)
        local.initialize(to: v)
        pc &+= 1
    } else {
        (slots + sp).initialize(to: v); sp &+= 1
    }
}

/// What `VM.forIterFast` did.
enum ForStep { case delivered, exhausted, other }

extension VM {
    /// FOR_ITER over a range or list iterator, the common loops: the item goes straight to its local
    /// (or the stack). Neither can run Python code or raise, so the frame's `pc`/`sp` need not be saved
    /// first, and the iterator is read in place. `.other`, nothing done, for any other iterator;
    /// `.exhausted`: the caller pops the iterator and jumps past the loop.
    @inline(__always)
    func forIterFast(_ ins: UnsafeMutablePointer<Instruction>, _ slots: UnsafeMutablePointer<Value>,
                     _ pc: inout Int, _ sp: inout Int) -> ForStep {
        guard let u = Value.peekObject(slots + sp - 1) else { return .other }
        return u._withUnsafeGuaranteedRef { o -> ForStep in
            if o.isExactly(rangeIteratorClass) {
                guard let i = unsafeDowncast(o, to: PyIntRangeIterator.self).nextInt(holdingGIL: gilHeld) else { return .exhausted }
                deliverForItem(.int(i), ins, slots, &pc, &sp)
                return .delivered
            }
            if o.isExactly(listIteratorClass) {
                guard let v = unsafeDowncast(o, to: PyListIterator.self).next(holdingGIL: gilHeld) else { return .exhausted }
                deliverForItem(v, ins, slots, &pc, &sp)
                return .delivered
            }
            return .other
        }
    }
}
