import Compiler

/// The bytecode interpreter loop. Calls between Python functions switch `f` to the callee's heap frame
/// and continue the loop; returns switch back. Only native code calling into Python (and generator
/// resumption) enters `eval` recursively.
extension VM {
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    func eval(_ entry: Frame, pending: PyBaseException? = nil) throws -> Value {
        depth += 1
        if depth > interpRef._withUnsafeGuaranteedRef({ $0.recursionLimit.load(ordering: .relaxed) }) || nativeStackExhausted() {
            finishFrame(entry)
            throw PyError(.make(.recursionError, "maximum recursion depth exceeded"))
        }
        let savedCurrent = currentFrameRef
        defer { currentFrameRef = savedCurrent }
        entry.back = nil
        var f = entry
        currentFrameRef = Unmanaged.passUnretained(f)
        // The running code's instructions, constants and names; `f.code` for anything else (a
        // PyCode local would cost a retain/release pair on every call and return).
        var (ins, consts, names) = f.evalPointers
        var slots = f.slots
        var sp = f.sp
        var pc = f.pc
        var pendingError: PyError? = pending.map { PyError($0) }

        while true {
            do {
                if let e = pendingError { pendingError = nil; throw e }
                while true {
                    let instr = ins[pc]
                    pc &+= 1
                    switch instr.op {
                    case .nop, .returnGenerator:
                        break
                    case .popTop:
                        sp -= 1; Value.drop(slots + sp)
                    case .copy:
                        push(slots, &sp, slots[sp - Int(instr.arg)])
                    case .swap:
                        let i = sp - Int(instr.arg)
                        // Moved, not copied (copies cost a retain, a release and two outlined calls).
                        let t = (slots + sp - 1).move()
                        (slots + sp - 1).moveInitialize(from: slots + i, count: 1)
                        (slots + i).initialize(to: t)
                    case .pushNull:
                        push(slots, &sp, .null)
                    case .pushNullCallLocal0:
                        // As for LOAD_FAST_CALL_METHOD0: `pc` moves past the CALL first.
                        pc &+= 2
                        try safePoint(pc, sp)
                        f.sp = sp; f.pc = pc
                        if let r = try callLocalNative0(slots + Int(ins[pc &- 2].arg)) {
                            push(slots, &sp, r); continue
                        }
                        pc &-= 2
                        push(slots, &sp, .null)

                    case .loadConst:
                        // String constants are interned, hence immortal: copied without a runtime call.
                        Value.initializeCopy(slots + sp, from: consts + Int(instr.arg))
                        sp &+= 1
                    case .loadFast:
                        // Written out, not `pushLocal`: through the helper, fib ran ~2% slower. A bitwise
                        // copy plus a retain (`initializeCopy`): copying the `Value` called its outlined
                        // copy function, ints included.
                        if slots[Int(instr.arg)].isNull { throw unboundLocal(f.code.co.varnames[Int(instr.arg)]) }
                        Value.initializeCopy(slots + sp, from: slots + Int(instr.arg))
                        sp &+= 1
                    case .loadFastBorrow:
                        if let o = Value.peekObject(slots + Int(instr.arg)) { Value.initializeLent(slots + sp, o); sp &+= 1 }
                        else { try pushLocal(slots, &sp, Int(instr.arg), f) }
                    case .loadFastBorrowMethod:
                        if lendNativeMethod(slots + Int(instr.arg), to: slots + sp, names, Int(ins[pc].arg)) {
                            sp &+= 2; pc &+= 1; continue
                        }
                        try pushLocal(slots, &sp, Int(instr.arg), f)
                    case .loadFastLoadAttr:
                        if ins[pc + 1].op == .loadAttr,
                           loadAttrChainFast(from: slots + Int(instr.arg), into: slots + sp, names, Int(ins[pc].arg), Int(ins[pc + 1].arg)) {
                            sp += 1; pc += 2; continue
                        }
                        if cachedAttributeRead(from: slots + Int(instr.arg), into: slots + sp, names, Int(ins[pc].arg))
                            || loadAttrFast(from: slots + Int(instr.arg), into: slots + sp, names, Int(ins[pc].arg)) {
                            sp += 1; pc += 1; continue
                        }
                        try pushLocal(slots, &sp, Int(instr.arg), f)
                    case .loadFastConstBinary, .loadFastFastBinary:
                        // `pc` is at the second operand's load, `pc + 1` at the operator.
                        let yp = instr.op == .loadFastConstBinary ? consts + Int(ins[pc].arg) : slots + Int(ins[pc].arg)
                        if ins[pc &+ 1].op == .binarySubscr {
                            // `local[const]` / `local[local]`: both read where they are.
                            if let v = subscriptInPlace(slots + Int(instr.arg), yp) { push(slots, &sp, v); pc &+= 2; continue }
                        } else if ins[pc &+ 1].op == .containsOp {
                            // `x in s` / `ch in "aeiou"`, and the jump after it.
                            if let found = containsInPlace(slots + Int(instr.arg), yp) {
                                let r = found != (ins[pc &+ 1].arg == 1)
                                let next = ins[pc &+ 2]
                                if next.op == .popJumpIfFalse || next.op == .popJumpIfTrue {
                                    pc = try jump(if: r == (next.op == .popJumpIfTrue), to: Int(next.arg), from: pc &+ 3, sp)
                                } else {
                                    push(slots, &sp, .bool(r)); pc &+= 2
                                }
                                continue
                            }
                        } else if let x = Value.peekInt(slots + Int(instr.arg)), let y = Value.peekInt(yp) {
                            let op = ins[pc &+ 1]
                            if op.op == .binaryOp {
                                if let r = intBinary(op.arg, x, y) {
                                    let next = ins[pc &+ 2]
                                    if next.op == .storeFast { Value.assign(slots + Int(next.arg), r); pc &+= 3 }
                                    else { push(slots, &sp, r); pc &+= 2 }
                                    continue
                                }
                            } else {
                                // Both ints: decided here (`fastCompare` was a call per comparison).
                                let r = compareResult(op.arg, x < y ? -1 : (x == y ? 0 : 1))
                                if op.op == .compareOp { push(slots, &sp, .bool(r)); pc &+= 2; continue }
                                // COMPARE_OP_JUMP: the jump after it too.
                                let popJump = ins[pc &+ 2]
                                pc = try jump(if: r == (popJump.op == .popJumpIfTrue), to: Int(popJump.arg), from: pc &+ 3, sp)
                                continue
                            }
                        }
                        try pushLocal(slots, &sp, Int(instr.arg), f)
                    case .loadFastCallMethod0:
                        // `pc` moves past the CALL first, as if the three instructions had run: an
                        // exception from the method is then reported at the CALL (its traceback line
                        // and caret), and `f.pc` is what the CALL would have saved.
                        pc += 2
                        try safePoint(pc, sp)
                        f.sp = sp; f.pc = pc
                        if let r = try callLocalNativeMethod0(slots + Int(instr.arg), names, Int(ins[pc - 2].arg)) {
                            push(slots, &sp, r); continue
                        }
                        pc -= 2
                        try pushLocal(slots, &sp, Int(instr.arg), f)
                    case .loadFastStoreAttr:
                        if storeAttrFast(on: slots + Int(instr.arg), value: slots + sp - 1, names, Int(ins[pc].arg)) {
                            sp -= 1; pc += 1; continue
                        }
                        try pushLocal(slots, &sp, Int(instr.arg), f)
                    case .storeFast:
                        sp &-= 1
                        Value.assign(slots + Int(instr.arg), (slots + sp).move())
                    case .deleteFast:
                        if slots[Int(instr.arg)].isNull { throw unboundLocal(f.code.co.varnames[Int(instr.arg)]) }
                        slots[Int(instr.arg)] = .null
                    case .loadDeref:
                        let v = cellContents(slots + f.code.nlocals + Int(instr.arg))
                        if v.isNull { throw unboundDeref(f.code, Int(instr.arg)) }
                        push(slots, &sp, v)
                    case .storeDeref:
                        sp &-= 1
                        setCellContents(slots + f.code.nlocals + Int(instr.arg), movingFrom: slots + sp)
                    case .deleteDeref:
                        let c = f.cell(Int(instr.arg))
                        if c.contents.isNull { throw unboundDeref(f.code, Int(instr.arg)) }
                        c.contents = .null
                    case .loadClosure:
                        push(slots, &sp, slots[f.code.nlocals + Int(instr.arg)])
                    case .loadClassDeref:
                        let i = Int(instr.arg)
                        let name = i < f.code.ncells ? f.code.co.cellvars[i] : f.code.co.freevars[i - f.code.ncells]
                        if let v = f.locals?.getStr(name) { push(slots, &sp, v) }
                        else {
                            let v = f.cell(i).contents
                            if v.isNull { throw unboundDeref(f.code, i) }
                            push(slots, &sp, v)
                        }
                    case .loadName:
                        let name = names[Int(instr.arg)]
                        if let v = f.locals?.getStr(name) ?? f.globals.getStr(name) ?? f.builtins.getStr(name) {
                            push(slots, &sp, v)
                        } else { throw nameError(name, f) }
                    case .storeName:
                        let v = pop(slots, &sp)
                        (f.locals ?? f.globals).setStr(names[Int(instr.arg)], v)
                    case .deleteName:
                        let name = names[Int(instr.arg)]
                        if (f.locals ?? f.globals).deleteStr(name) == nil {
                            throw PyError.name("name '\(name.value)' is not defined")
                        }
                    case .loadGlobal:
                        try loadGlobal(names, Int(instr.arg), f, into: slots + sp)
                        sp &+= 1
                    case .storeGlobal:
                        f.globals.setStr(names[Int(instr.arg)], pop(slots, &sp))
                    case .deleteGlobal:
                        let name = names[Int(instr.arg)]
                        if f.globals.deleteStr(name) == nil { throw PyError.name("name '\(name.value)' is not defined") }

                    case .loadAttr:
                        if cachedAttributeRead(slots, sp, names, Int(instr.arg)) || loadAttrFast(slots, sp, names, Int(instr.arg)) { continue }
                        let obj = pop(slots, &sp)
                        push(slots, &sp, try getAttr(obj, names[Int(instr.arg)]))
                    case .storeAttr:
                        if storeAttrFast(slots, &sp, names, Int(instr.arg)) { continue }
                        let obj = pop(slots, &sp)
                        let v = pop(slots, &sp)
                        try setAttr(obj, names[Int(instr.arg)], v)
                    case .deleteAttr:
                        try delAttr(pop(slots, &sp), names[Int(instr.arg)])
                    case .loadMethod:
                        if loadMethodFast(slots, &sp, names, Int(instr.arg))
                            || loadNativeMethodFast(slots, &sp, names, Int(instr.arg)) { continue }
                        let obj = pop(slots, &sp)
                        let (m, selfValue) = try loadMethod(obj, names[Int(instr.arg)])
                        if let s = selfValue { push(slots, &sp, m); push(slots, &sp, s) }
                        else { push(slots, &sp, .null); push(slots, &sp, m) }
                    case .binarySubscr:
                        if subscriptFast(slots, sp) { sp -= 1; continue }
                        let key = pop(slots, &sp)
                        let container = pop(slots, &sp)
                        push(slots, &sp, try getItem(container, key))
                    case .storeSubscr:
                        if try storeSubscrInPlace(slots + sp - 3) { sp &-= 3; continue }
                        let key = pop(slots, &sp)
                        let container = pop(slots, &sp)
                        let v = pop(slots, &sp)
                        try setItem(container, key, v)
                    case .deleteSubscr:
                        let key = pop(slots, &sp)
                        try delItem(pop(slots, &sp), key)
                    case .buildSlice:
                        if instr.arg == 2, ins[pc].op == .binarySubscr, sliceFast(slots, sp) {
                            sp &-= 2; pc &+= 1; continue
                        }
                        let step: Value = instr.arg == 3 ? pop(slots, &sp) : .none
                        let hi = pop(slots, &sp)
                        let lo = pop(slots, &sp)
                        push(slots, &sp, .object(PySlice(start: lo, stop: hi, step: step)))

                    case .binaryOp:
                        // Numbers read in place: popping them made Swift destroy both operands through
                        // the outlined destroy function afterwards, ints and floats included.
                        if let r = numericBinaryInPlace(instr.arg, slots + sp - 2, slots + sp - 1) {
                            sp &-= 1
                            (slots + sp - 1).initialize(to: r)   // the operands own nothing
                            continue
                        }
                        if (instr.arg == addOperator || instr.arg == inplaceAddOperator), strConcatFast(slots, sp) {
                            sp &-= 1; continue
                        }
                        let b = pop(slots, &sp)
                        let a = pop(slots, &sp)
                        if let r = fastBinary(instr.arg, a, b) { push(slots, &sp, r); continue }
                        push(slots, &sp, try binaryOp(BinaryOperator(rawValue: instr.arg)!, a, b))
                    case .unaryOp:
                        let a = pop(slots, &sp)
                        push(slots, &sp, try unaryOp(UnaryOperator(rawValue: instr.arg)!, a))
                    case .compareOp:
                        if let r = fastCompareInPlace(instr.arg, slots + sp - 2, slots + sp - 1) {
                            Value.release(slots + sp - 2, count: 2)
                            sp &-= 2
                            push(slots, &sp, .bool(r))
                            continue
                        }
                        let b = pop(slots, &sp)
                        let a = pop(slots, &sp)
                        if let r = fastCompare(instr.arg, a, b) { push(slots, &sp, .bool(r)); continue }
                        push(slots, &sp, try compare(a, b, ComparisonOperatorKind(rawValue: Int(instr.arg))!))
                    case .compareOpJump:
                        if let r = fastCompareInPlace(instr.arg, slots + sp - 2, slots + sp - 1) {
                            Value.release(slots + sp - 2, count: 2)
                            sp &-= 2
                            let popJump = ins[pc]
                            pc = try jump(if: r == (popJump.op == .popJumpIfTrue), to: Int(popJump.arg), from: pc &+ 1, sp)
                            continue
                        }
                        let b = pop(slots, &sp)
                        let a = pop(slots, &sp)
                        guard let r = fastCompare(instr.arg, a, b) else {
                            push(slots, &sp, try compare(a, b, ComparisonOperatorKind(rawValue: Int(instr.arg))!))
                            continue   // the POP_JUMP that follows decides
                        }
                        // Decided: act as the POP_JUMP at `pc` too.
                        let popJump = ins[pc]
                        pc = try jump(if: r == (popJump.op == .popJumpIfTrue), to: Int(popJump.arg), from: pc &+ 1, sp)
                    case .isOp:
                        let b = pop(slots, &sp)
                        let a = pop(slots, &sp)
                        push(slots, &sp, .bool(a.isIdentical(b) != (instr.arg == 1)))
                    case .containsOp:
                        if let r = containsFast(slots, sp) {
                            sp &-= 2
                            push(slots, &sp, .bool(r != (instr.arg == 1)))
                            continue
                        }
                        let container = pop(slots, &sp)
                        let item = pop(slots, &sp)
                        push(slots, &sp, .bool(try contains(container, item) != (instr.arg == 1)))

                    case .buildTuple:
                        // The items move from the stack into the new array (no reference counting).
                        let n = Int(instr.arg)
                        sp -= n
                        push(slots, &sp, .object(n == 0 ? PyTuple.empty : PyTuple(Args.array(movingFrom: slots + sp, count: n))))
                    case .buildList:
                        let n = Int(instr.arg)
                        sp -= n
                        push(slots, &sp, .object(PyList(Args.array(movingFrom: slots + sp, count: n))))
                    case .buildSet:
                        let n = Int(instr.arg)
                        let items = Array(UnsafeBufferPointer(start: slots + sp - n, count: n))
                        sp -= n; Value.release(slots + sp, count: n)
                        let s = PySet()
                        for v in items { try s.add(v, vm: self) }
                        push(slots, &sp, .object(s))
                    case .buildMap:
                        try buildMap(slots, &sp, count: Int(instr.arg))
                    case .buildConstKeyMap:
                        try buildConstKeyMap(slots, &sp, count: Int(instr.arg))
                    case .buildString:
                        let n = Int(instr.arg)
                        let s = buildString(UnsafePointer(slots + sp - n), n)
                        sp -= n; Value.release(slots + sp, count: n)
                        push(slots, &sp, s)
                    case .listAppend:
                        // The list of a comprehension or display being built: read in place (a copy and
                        // a dynamic cast cost more than the append) and appended to without its lock.
                        // The item moves from the stack into the list inside the closure (captured, a
                        // popped value was copied in and destroyed after).
                        sp &-= 1
                        let item = slots + sp
                        Value.peekObject(slots + sp - Int(instr.arg)).unsafelyUnwrapped._withUnsafeGuaranteedRef {
                            unsafeDowncast($0, to: PyList.self).appendUnshared(item.move())
                        }
                    case .setAdd:
                        let v = pop(slots, &sp)
                        try Value.peekObject(slots + sp - Int(instr.arg)).unsafelyUnwrapped._withUnsafeGuaranteedRef {
                            _ = try unsafeDowncast($0, to: PySet.self).add(v, vm: self)
                        }
                    case .mapAdd:
                        let v = pop(slots, &sp)
                        let k = pop(slots, &sp)
                        try (slots[sp - Int(instr.arg)].asObject as! PyDict).set(k, v, vm: self)
                    case .listExtend:
                        let it = pop(slots, &sp)
                        let items = try extendItems(it)
                        (slots[sp - Int(instr.arg)].asObject as! PyList).withItems { $0.append(contentsOf: items) }
                    case .setUpdate:
                        let it = pop(slots, &sp)
                        let s = slots[sp - Int(instr.arg)].asObject as! PySet
                        for v in try toArray(it) { try s.add(v, vm: self) }
                    case .dictUpdate:
                        let m = pop(slots, &sp)
                        try dictUpdate(slots[sp - Int(instr.arg)].asObject as! PyDict, m, merge: false, callee: nil)
                    case .dictMerge:
                        let m = pop(slots, &sp)
                        try dictUpdate(slots[sp - Int(instr.arg)].asObject as! PyDict, m, merge: true,
                                       callee: slots[sp - Int(instr.arg) - 2])
                    case .listToTuple:
                        let l = pop(slots, &sp).asObject as! PyList
                        push(slots, &sp, .object(PyTuple(l.items)))
                    case .formatValue:
                        // `{x}` without conversion or spec: a str stays as it is, an int becomes its
                        // digits, in place (through `formatValueObject` a str was copied out and back).
                        if instr.arg == 0 {
                            if let n = Value.peekInt(slots + sp - 1) { (slots + sp - 1).initialize(to: .object(PyStr(ascii: StrASCII.decimal(n)))); continue }
                            if let u = Value.peekObject(slots + sp - 1), u._withUnsafeGuaranteedRef({ $0.isExactly(strClass) }) { continue }
                        }
                        let spec: String? = instr.arg & 4 != 0 ? (pop(slots, &sp).asObject as! PyStr).value : nil
                        let v = pop(slots, &sp)
                        push(slots, &sp, try formatValueObject(v, conversion: Int(instr.arg & 3), spec: spec))

                    case .unpackSequence:
                        if unpackTupleInPlace(slots, &sp, count: Int(instr.arg)) { continue }
                        let seq = pop(slots, &sp)
                        let items = try unpackItems(seq, count: Int(instr.arg))
                        for v in items.reversed() { push(slots, &sp, v) }
                    case .unpackEx:
                        let seq = pop(slots, &sp)
                        let before = Int(instr.arg & 0xFF), after = Int(instr.arg >> 8)
                        let items = try unpackStarred(seq, before: before, after: after)
                        for v in items.reversed() { push(slots, &sp, v) }

                    case .jump:
                        let target = Int(instr.arg)
                        if target < pc { try safePoint(pc, sp) }
                        pc = target
                    case .popJumpIfFalse, .popJumpIfTrue:
                        let v = pop(slots, &sp)
                        let truth: Bool
                        if case .bool(let b) = v { truth = b } else { truth = try truthy(v) }
                        pc = try jump(if: truth == (instr.op == .popJumpIfTrue), to: Int(instr.arg), from: pc, sp)
                    case .jumpIfFalseOrPop:
                        if !(try truthy(slots[sp - 1])) { pc = Int(instr.arg) } else { sp -= 1; Value.drop(slots + sp) }
                    case .jumpIfTrueOrPop:
                        if try truthy(slots[sp - 1]) { pc = Int(instr.arg) } else { sp -= 1; Value.drop(slots + sp) }
                    case .popJumpIfNone, .popJumpIfNotNone:
                        let taken = pop(slots, &sp).isNone == (instr.op == .popJumpIfNone)
                        pc = try jump(if: taken, to: Int(instr.arg), from: pc, sp)
                    case .getIter:
                        let v = pop(slots, &sp)
                        push(slots, &sp, try iter(v))
                    case .forIter:
                        switch forIterFast(ins, slots, &pc, &sp) {
                        case .delivered: continue
                        case .exhausted: sp -= 1; Value.drop(slots + sp); pc = Int(instr.arg); continue
                        case .other: break
                        }
                        f.pc = pc; f.sp = sp
                        // A generator runs inline: its frame becomes the loop's frame until it yields
                        // (back here, see YIELD_VALUE) or returns (RETURN_VALUE), as a call would.
                        if let gf = enterGeneratorInline(slots + sp - 1, caller: f) {
                            switchFrame(&f, to: gf)
                            (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = f.pc
                            continue
                        }
                        // The iterator is read in place (no copy) and dispatched by its Swift class.
                        let step = try nextInPlace(slots + sp - 1)
                        if let v = try step ?? slowNext(slots[sp - 1]) {
                            deliverForItem(v, ins, slots, &pc, &sp)
                        } else {
                            sp -= 1; Value.drop(slots + sp)
                            pc = Int(instr.arg)
                        }

                    case .returnValue:
                        sp &-= 1
                        f.sp = sp
                        // Identities compared directly: `===` on class references is an out-of-line call
                        // (and made Swift retain `f` around it).
                        if ObjectIdentifier(f) == ObjectIdentifier(entry) {
                            let rv = (slots + sp).move()
                            finishFrame(f)
                            return rv
                        }
                        if let g = f.inlineGenerator {
                            Value.drop(slots + sp)
                            // An inline generator returned: its FOR_ITER (just before the caller's pc)
                            // is exhausted. The value is dropped, as a for loop drops StopIteration's.
                            let done = f
                            switchFrame(&f, to: Unmanaged.passUnretained(done.back.unsafelyUnwrapped))
                            finishFrame(done)
                            _ = g._withUnsafeGuaranteedRef { $0.finishInline(self) }
                            (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = f.pc
                            sp -= 1; Value.drop(slots + sp)
                            pc = Int(ins[pc - 1].arg)
                            continue
                        }
                        // The value moves from the stack into `leaveFrame` (a copy there cost an outlined
                        // copy and destroy per return).
                        let (caller, initError) = leaveFrame(f, returningFrom: slots + sp)
                        switchFrame(&f, to: caller)
                        (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = f.pc
                        if let e = initError { throw e }

                    case .makeFunction:
                        let codeObj = pop(slots, &sp).asObject as! PyCode
                        var closure: [PyCell] = []
                        var kwdefaults: [String: Value] = [:]
                        var defaults: [Value] = []
                        if instr.arg & 8 != 0 {
                            closure = (pop(slots, &sp).asObject as! PyTuple).items.map { $0.asObject as! PyCell }
                        }
                        if instr.arg & 2 != 0 {
                            for (k, v) in (pop(slots, &sp).asObject as! PyDict).items {
                                kwdefaults[(k.asObject as! PyStr).value] = v
                            }
                        }
                        if instr.arg & 1 != 0 { defaults = (pop(slots, &sp).asObject as! PyTuple).items }
                        let fn = PyFunction(code: codeObj, globals: f.globals, builtins: f.builtins,
                                            defaults: defaults, kwdefaults: kwdefaults, closure: closure)
                        if let doc = codeObj.co.docstring { fn.dict.setStr(Names.doc, .str(doc)) }
                        if f.code.usesLocalsDict, codeObj.claimImmortalFunction() { Immortal.make(fn) }
                        push(slots, &sp, .object(fn))
                    case .kwNames:
                        pendingKwnames = (consts[Int(instr.arg)].asObject as! PyTuple)
                    case .callBorrowed:
                        let layout = callLayout(slots, sp, argc: Int(instr.arg))
                        try safePoint(pc, sp)
                        f.sp = sp; f.pc = pc
                        if pendingKwnames == nil, let r = try callNativeLending(slots, sp, layout) {
                            sp = layout.base
                            push(slots, &sp, r)
                            continue
                        }
                        ownLent(slots + layout.argStart, count: sp - layout.argStart)
                        fallthrough
                    case .call:
                        let argc = Int(instr.arg)
                        let layout = callLayout(slots, sp, argc: argc)
                        try safePoint(pc, sp)
                        if pendingKwnames == nil {
                            f.pc = pc
                            if let nf = try enterSimpleCall(slots, &sp, layout, caller: f)
                                ?? enterInitCall(slots, &sp, layout, caller: f) {
                                switchFrame(&f, to: nf)
                                (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = 0
                                continue
                            }
                        }
                        if pendingKwnames == nil {
                            f.sp = sp; f.pc = pc
                            if let r = try callNativeInPlace(slots, layout) {
                                Value.release(slots + layout.base, count: sp - layout.base)
                                sp = layout.base
                                push(slots, &sp, r)
                                continue
                            }
                        }
                        let kwnames = pendingKwnames
                        pendingKwnames = nil
                        let (base, argStart, nargs) = layout
                        let callable = slots[argStart - 1]
                        let nkw = kwnames?.items.count ?? 0
                        // The arguments move from the stack into the Args arrays (no copies, so no
                        // reference counting per argument); only the callable slots are left to release.
                        let args: Args
                        if nkw == 0 {
                            args = Args(movingFrom: slots + argStart, count: nargs)
                        } else {
                            args = Args(Args.array(movingFrom: slots + argStart, count: nargs - nkw),
                                        kwnames: kwnames!.items.map { ($0.asObject as! PyStr).value },
                                        kwvalues: Args.array(movingFrom: slots + argStart + nargs - nkw, count: nkw))
                        }
                        Value.release(slots + base, count: argStart - base)
                        sp = base
                        f.sp = sp; f.pc = pc
                        push(slots, &sp, try call(callable, args))
                    case .callFunctionEx:
                        let kwargs: Value = instr.arg & 1 != 0 ? pop(slots, &sp) : .null
                        let argsTuple = pop(slots, &sp)
                        let second = pop(slots, &sp)
                        let first = pop(slots, &sp)
                        f.sp = sp; f.pc = pc
                        push(slots, &sp, try callEx(first, second, argsTuple, kwargs))
                    case .loadBuildClass:
                        guard let bc = f.builtins.getStr("__build_class__") else { throw PyError.name("__build_class__ not found") }
                        push(slots, &sp, bc)

                    case .pushExcInfo:
                        let exc = pop(slots, &sp)
                        push(slots, &sp, handledException)
                        handledException = exc
                        push(slots, &sp, exc)
                    case .popExcept:
                        handledException = pop(slots, &sp)
                    case .checkExcMatch:
                        if let r = exceptionMatchesInPlace(slots + sp - 2, slots + sp - 1) {
                            sp &-= 1; Value.drop(slots + sp)
                            push(slots, &sp, .bool(r))
                            continue
                        }
                        let t = pop(slots, &sp)
                        push(slots, &sp, .bool(try exceptionMatches(slots[sp - 1], t)))
                    case .reraise:
                        let exc = pop(slots, &sp)
                        if instr.arg != 0 { sp -= 1; Value.drop(slots + sp) }
                        throw PyError(exc.asObject as! PyBaseException)
                    case .raiseVarargs:
                        f.pc = pc; f.sp = sp
                        switch instr.arg {
                        case 0:
                            guard case .object(let o) = handledException, let e = o as? PyBaseException else {
                                throw PyError.runtime("No active exception to reraise")
                            }
                            throw PyError(e)
                        case 1:
                            let e = try makeException(pop(slots, &sp))
                            throw PyError(e)
                        default:
                            let cause = pop(slots, &sp)
                            let e = try makeException(pop(slots, &sp))
                            if cause.isNone { e.cause = .none } else { e.cause = .object(try makeException(cause)) }
                            e.suppressContext = true
                            throw PyError(e)
                        }
                    case .loadAssertionError:
                        push(slots, &sp, .object(PyType.assertionError))
                    case .beforeWith:
                        f.sp = sp; f.pc = pc
                        if let entered = try beforeWithNative(slots, &sp) { push(slots, &sp, entered); continue }
                        let mgr = pop(slots, &sp)
                        guard let enter = lookupCached(mgr.type, Names.enter) else {
                            throw PyError.type("'\(mgr.typeName)' object does not support the context manager protocol")
                        }
                        guard let exit = lookupCached(mgr.type, Names.exit) else {
                            throw PyError.type("'\(mgr.typeName)' object does not support the context manager protocol (missed __exit__ method)")
                        }
                        // `[function, mgr]` exactly when binding would make a method of `mgr` and the function.
                        if case .object(let eo) = exit, eo is PyFunction
                            || (eo as? PyBuiltinFunction).map({ $0.boundSelf == nil }) == true {
                            push(slots, &sp, exit); push(slots, &sp, mgr)
                        } else {
                            push(slots, &sp, .null); push(slots, &sp, try bindDescriptor(exit, instance: mgr, owner: mgr.type))
                        }
                        f.sp = sp; f.pc = pc
                        push(slots, &sp, try callBound(enter, mgr, []))
                    case .withExceptStart:
                        let exc = slots[sp - 1]
                        let (exit, selfValue) = (slots[sp - 5], slots[sp - 4])
                        f.sp = sp; f.pc = pc
                        let info: [Value] = [.object(exc.type), exc, .none]
                        push(slots, &sp, try exit.isNull ? call(selfValue, Args(info)) : call(exit, Args([selfValue] + info)))

                    case .yieldValue:
                        let v = pop(slots, &sp)
                        f.sp = sp; f.pc = pc
                        if let g = f.inlineGenerator {
                            // Back to the FOR_ITER that resumed the generator, with its next item.
                            g._withUnsafeGuaranteedRef { $0.suspendInline(self) }
                            switchFrame(&f, to: Unmanaged.passUnretained(f.back.unsafelyUnwrapped))
                            (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = f.pc
                            deliverForItem(v, ins, slots, &pc, &sp)
                            continue
                        }
                        yielded = true
                        depth -= 1
                        return v
                    case .getYieldFromIter:
                        let v = pop(slots, &sp)
                        if case .object(let o) = v, o is PyGenerator { push(slots, &sp, v) }
                        else { push(slots, &sp, try iter(v)) }
                    case .send:
                        let v = pop(slots, &sp)
                        f.sp = sp; f.pc = pc
                        switch try sendInto(slots + sp - 1, v) {
                        case .yielded(let y):
                            push(slots, &sp, y)
                        case .returned(let r):
                            sp -= 1; Value.drop(slots + sp)
                            push(slots, &sp, r)
                            pc = Int(instr.arg)
                        }

                    case .importName:
                        let fromlist = pop(slots, &sp)
                        let level = pop(slots, &sp)
                        f.sp = sp; f.pc = pc
                        push(slots, &sp, try importModule(names[Int(instr.arg)].value, fromlist: fromlist,
                                                          level: level, globals: f.globals))
                    case .importFrom:
                        push(slots, &sp, try importFrom(slots[sp - 1], names[Int(instr.arg)]))
                    case .importStar:
                        try importStar(pop(slots, &sp), into: f.locals ?? f.globals)
                    case .printExpr:
                        let v = pop(slots, &sp)
                        try displayHook(v)
                    }
                }
            } catch let error as PyError {
                // Unwind: find a handler in this frame, else pop frames until one has a handler.
                var exc = error.exception
                if exc.context.isNone && exc.unwound.isEmpty, case .object(let h) = handledException, h !== exc {
                    exc.context = handledException
                }
                while true {
                    let faultPC = pc - 1
                    f.lastPC = faultPC
                    // (No closure over `f` here: capturing the loop's frame variable, even in a
                    // non-escaping closure, cost the call path a retain/release pair.)
                    let fid = ObjectIdentifier(f)
                    if !exc.lastUnwound(is: fid) { exc.noteUnwinding(through: fid, at: f.tracebackEntry) }
                    if let h = findHandler(f.code, faultPC) {
                        let target = f.stackBase + Int(h.depth)
                        if sp > target { Value.release(slots + target, count: sp - target); sp = target }
                        if h.pushLasti { push(slots, &sp, .int(faultPC)) }
                        push(slots, &sp, .object(exc))
                        pc = Int(h.handler)
                        break
                    }
                    f.sp = sp
                    let done = f
                    if ObjectIdentifier(done) == ObjectIdentifier(entry) {
                        finishFrame(done)
                        throw PyError(exc)
                    }
                    switchFrame(&f, to: Unmanaged.passUnretained(done.back!))
                    finishFrame(done)
                    if let g = done.inlineGenerator {
                        exc = g._withUnsafeGuaranteedRef { $0.finishInline(self, raising: exc)! }
                    }
                    (ins, consts, names) = f.evalPointers; slots = f.slots; sp = f.sp; pc = f.pc
                }
            }
        }
    }
}
