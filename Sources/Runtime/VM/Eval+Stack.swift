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
/// dispatch fewer per iteration); otherwise it is pushed.
@inline(__always) func deliverForItem(_ v: Value, _ ins: UnsafeMutablePointer<Instruction>,
                                      _ slots: UnsafeMutablePointer<Value>, _ pc: inout Int, _ sp: inout Int) {
    let next = ins[pc]
    if next.op == .storeFast { slots[Int(next.arg)] = v; pc &+= 1 } else { push(slots, &sp, v) }
}
