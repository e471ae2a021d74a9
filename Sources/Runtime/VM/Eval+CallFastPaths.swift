/// The CALL fast paths: a Python function called with exactly its positional parameters, and
/// `Cls(args)` for a plain class whose `__init__` is such a function. They live outside the eval loop's
/// giant function on purpose: in a small function Swift's optimizer can see that the stack slots are
/// only borrowed and drops the retain/release pairs it keeps inside the loop (measured with uprobes on
/// swift_retain/swift_release: each pair removed saves two atomic operations per call).
extension VM {
    /// The callee's stack layout for CALL with `argc` arguments: `[NULL, callable, args…]` or
    /// `[callable, self, args…]`. A bound method in the first form is unpacked in place into
    /// `[function, self, args…]`. Returns where the callable is, where its arguments start and how many.
    @inline(__always)
    func callLayout(_ slots: UnsafeMutablePointer<Value>, _ sp: Int, argc: Int) -> (base: Int, argStart: Int, nargs: Int) {
        let base = sp - argc - 2
        guard case .null = slots[base] else { return (base, base + 1, argc + 1) }
        if case .object(let mo) = slots[base + 1], mo.hasType(methodTypeID) {
            let m = unsafeDowncast(mo, to: PyMethod.self)
            slots[base] = m.function
            slots[base + 1] = m.selfValue
            return (base, base + 1, argc + 1)
        }
        return (base, base + 2, argc)
    }

    /// Enters a plain Python function called with exactly its positional parameters: moves the
    /// arguments into a new frame, pops the call's stack entries and links the frame to `caller`.
    /// Returns nil, leaving the stack as it is, when the callee does not qualify.
    @inline(never)
    func enterSimpleCall(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ layout: (base: Int, argStart: Int, nargs: Int),
                         caller: Frame) throws -> Unmanaged<Frame>? {
        // Borrow the callee from its stack slot without retaining it: the new frame's `function`
        // reference keeps it alive once `enterFrame` pops the slot.
        guard let cu = Value.peekObject(slots + layout.argStart - 1) else { return nil }
        return try cu._withUnsafeGuaranteedRef { co -> Unmanaged<Frame>? in
            guard co.hasType(functionTypeID) else { return nil }
            let fn = unsafeDowncast(co, to: PyFunction.self)
            guard fn.code.hasSimpleSignature, fn.code.argcount == layout.nargs else { return nil }
            return try enterFrame(fn, slots, &sp, layout, caller: caller, instance: nil, calleeOnStack: true)
        }
    }

    /// Both fast paths' common part: a new frame for `fn` whose parameters are `instance` (if any) and
    /// then the stack's arguments (moved, not copied); the call's stack entries are popped and the frame
    /// is linked to `caller`.
    @inline(__always)
    func enterFrame(_ fn: PyFunction, _ slots: UnsafeMutablePointer<Value>, _ sp: inout Int,
                    _ layout: (base: Int, argStart: Int, nargs: Int), caller: Frame, instance: consuming Value?,
                    calleeOnStack: Bool = false) throws -> Unmanaged<Frame> {
        let (base, argStart, nargs) = layout
        if depth >= interpRef._withUnsafeGuaranteedRef({ $0.recursionLimit.load(ordering: .relaxed) }) {
            throw PyError(.make(.recursionError, "maximum recursion depth exceeded"))
        }
        // With `calleeOnStack`, the stack slot below the arguments holds `fn` itself: its reference moves
        // into the frame instead of being retained there and released here.
        let nfu = calleeOnStack ? allocateFrame(fn, adoptingFrom: slots + argStart - 1)
            : Unmanaged.passUnretained(allocateFrame(fn))
        var pending = consume instance
        nfu._withUnsafeGuaranteedRef { nf in
            var ns = nf.slots
            if let instance = pending.take() {
                // One copy for the frame's `self`, the new reference moves into `constructedInstance`.
                ns.initialize(to: instance)
                nf.constructedInstance = consume instance
                ns += 1
            }
            // `initialize`, not assignment: the parameter slots hold `.null` (nothing to release), and
            // assigning called the outlined destroy of the old value once per argument.
            for i in 0..<nargs { (ns + i).initialize(to: (slots + argStart + i).move()) }
            Value.release(slots + base, count: argStart - base)
            sp = base
            setupCells(fn, nf)
            caller.sp = sp
            nf.back = caller
        }
        depth &+= 1
        return nfu
    }

    /// Calls a native function (`len(x)`, `lock.acquire()`, `acquire()` bound earlier) or a class
    /// (`str(i)`, `Point(1, 2)` when the inline `__init__` path does not apply) with its
    /// arguments read in place from the stack (`Args(borrowing:)`): no array, no reference counting per
    /// argument. The call's stack entries stay where they are, owned by the frame (whose `sp` covers
    /// them, so an exception unwinds them), and the caller pops them after the call. Returns nil, stack
    /// untouched, for any other callable.
    @inline(never)
    func callNativeInPlace(_ slots: UnsafeMutablePointer<Value>, _ layout: (base: Int, argStart: Int, nargs: Int)) throws -> Value? {
        guard let cu = Value.peekObject(slots + layout.argStart - 1) else { return nil }
        return try cu._withUnsafeGuaranteedRef { co -> Value? in
            if co.hasType(typeTypeID) {
                return try callType(unsafeDowncast(co, to: PyType.self), Args(borrowing: slots + layout.argStart, count: layout.nargs))
            }
            guard co.hasType(builtinFunctionTypeID), co.isExactly(builtinFunctionClass) else { return nil }
            let b = unsafeDowncast(co, to: PyBuiltinFunction.self)
            let (start, n) = (layout.argStart, layout.nargs)
            if n == 2, ObjectIdentifier(b) == listAppendID, appendInPlace(slots + start) { return Value.none }
            if b.boundSelf == nil { return try b.fn(self, Args(borrowing: slots + start, count: n)) }
            // A bound builtin (`acquire()` bound earlier, `append = items.append`): self and the arguments
            // are lent to the call from a stack buffer of bitwise copies, never retained or released: the
            // bound builtin, which stays in its slot for the call, keeps self alive, and the slots keep
            // the arguments. (Copying self into the stack cost two atomic operations per call.) Other
            // bound builtins (a non-object self, more arguments) take the general path.
            guard let o = b.boundObject, n < 4 else { return nil }
            return try callLending(b, self: o, args: slots + start, count: n)
        }
    }

    /// `lst.append(v)` with `[lst, v]` at `args`: the list read in place, `v` copied into it. False,
    /// nothing done, when the receiver is not an exact list (the method then raises as usual).
    @inline(__always)
    func appendInPlace(_ args: UnsafeMutablePointer<Value>) -> Bool {
        guard let lu = Value.peekObject(args) else { return false }
        return lu._withUnsafeGuaranteedRef { o in
            guard o.isExactly(listClass) else { return false }
            unsafeDowncast(o, to: PyList.self).append(args[1])
            return true
        }
    }

    /// BEFORE_WITH for a manager of a builtin type whose `__enter__` and `__exit__` are native (`with
    /// lock:`): `__enter__` is called with the manager read in place, and the stack becomes
    /// `[__exit__, mgr]` (the immortal function, the manager moved up a slot): nothing is allocated or
    /// reference-counted. Returns `__enter__`'s result for the caller to push, or nil, stack untouched,
    /// when that does not apply.
    @inline(never)
    func beforeWithNative(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int) throws -> Value? {
        let mgrSlot = slots + sp - 1
        guard let mu = Value.peekObject(mgrSlot) else { return nil }
        let found: (PyBuiltinFunction, Value)? = mu._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard t.isBuiltin, t.layout == .builtin, !o.hasType(typeTypeID) else { return nil }
            let enterEntry = cacheEntry(t, Names.enter)
            guard case .some(.object(let en)) = enterEntry.pointee.value, en.isExactly(builtinFunctionClass),
                  unsafeDowncast(en, to: PyBuiltinFunction.self).boundSelf == nil else { return nil }
            let enter = unsafeDowncast(en, to: PyBuiltinFunction.self)
            let exitEntry = cacheEntry(t, Names.exit)
            guard case .some(.object(let ex)) = exitEntry.pointee.value, ex.isExactly(builtinFunctionClass),
                  unsafeDowncast(ex, to: PyBuiltinFunction.self).boundSelf == nil else { return nil }
            return (enter, .object(ex))
        } }
        guard let (enter, exit) = found else { return nil }
        let entered = try enter.fn(self, Args(borrowing: mgrSlot, count: 1))
        (slots + sp).moveInitialize(from: mgrSlot, count: 1)
        mgrSlot.initialize(to: exit)
        sp += 1
        return entered
    }

    /// Enters `__init__` for `Cls(args)` when `Cls` is a user class with a native `__new__` (plain
    /// objects with a `__dict__`, or exceptions) whose `__init__` is a simple Python function: allocates
    /// the instance, which the call evaluates to when `__init__` returns. Returns nil, stack untouched,
    /// when it does not apply. The class and `__init__` are read unretained; for a plain object the
    /// stack's reference to the class moves into the instance (its `type`) and `__init__` takes the
    /// class's stack slot, so the frame adopts that reference: creating `Cls(x)` then costs no
    /// reference counting for the class and one retain for `__init__`.
    @inline(never)
    func enterInitCall(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ layout: (base: Int, argStart: Int, nargs: Int),
                       caller: Frame) throws -> Unmanaged<Frame>? {
        let (argStart, nargs) = (layout.argStart, layout.nargs)
        let classSlot = slots + argStart - 1
        guard let cu = Value.peekObject(classSlot) else { return nil }
        let initFn: Unmanaged<PyFunction>? = cu._withUnsafeGuaranteedRef { co in
            guard co.hasType(typeTypeID) else { return nil }
            let cls = unsafeDowncast(co, to: PyType.self)
            guard !cls.isBuiltin, cls.layout != .builtin, hasNativeNew(cls) else { return nil }
            let entry = cacheEntry(cls, Names.`init`)
            guard case .some(.object(let io)) = entry.pointee.value, io.hasType(functionTypeID) else { return nil }
            let fn = unsafeDowncast(io, to: PyFunction.self)
            guard fn.code.hasSimpleSignature, fn.code.argcount == nargs + 1 else { return nil }
            return Unmanaged.passUnretained(fn)
        }
        guard let initFn else { return nil }
        let isPlain = cu._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyType.self).layout == .object }
        guard isPlain else {
            // Exception classes: BaseException.__new__ keeps the arguments as `args` (read in place here).
            let instance = try cu._withUnsafeGuaranteedRef {
                try allocateInstance(unsafeDowncast($0, to: PyType.self), Args(borrowing: slots + argStart, count: nargs))
            }
            return try initFn._withUnsafeGuaranteedRef {
                try enterFrame($0, slots, &sp, layout, caller: caller, instance: instance)
            }
        }
        var instance: Value? = .object(PyInstance(adoptingType: Unmanaged<PyType>.fromOpaque(cu.toOpaque())))
        // The class's reference now belongs to the instance; `__init__` (retained once) takes its slot.
        classSlot.initialize(to: .object(initFn.takeUnretainedValue()))
        return try initFn._withUnsafeGuaranteedRef {
            try enterFrame($0, slots, &sp, layout, caller: caller, instance: instance.take(), calleeOnStack: true)
        }
    }

    /// LOAD_METHOD for an instance of a plain class whose class attribute `name` is a Python function
    /// not shadowed by the instance's `__dict__`: replaces the object on the stack top with
    /// `[function, self]`, so the CALL that follows binds no method object. Returns false, stack
    /// untouched, when that does not apply.
    @inline(never)
    func loadMethodFast(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let ou = Value.peekObject(slots + sp - 1) else { return false }
        let method: Value? = ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard t.layout == .object, !t.isBuiltin, hasDefaultGetattribute(t) else { return nil }
            return unretainedName(names, i)
                ._withUnsafeGuaranteedRef { name in
                    guard name.isInterned else { return nil }
                    let entry = cacheEntry(t, name)
                    guard case .some(.object(let fn)) = entry.pointee.value, fn.hasType(functionTypeID) else { return nil }
                    let inst = unsafeDowncast(o, to: PyInstance.self)
                    guard !(gilHeld ? inst.hasAttributeHoldingGIL(name) : inst.hasAttribute(name)) else { return nil }
                    return .object(fn)
                }
        } }
        guard let m = method else { return false }
        pushMethodPair(slots, &sp, m)
        return true
    }

    /// `names[i]` without retaining it (the code object keeps its names alive while it runs).
    @inline(__always)
    func unretainedName(_ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Unmanaged<PyStr> {
        Unmanaged<PyStr>.fromOpaque(UnsafeRawPointer(names + i).load(as: UnsafeRawPointer.self))
    }

    /// LOAD_METHOD's result for an unbound call: the object on the stack top becomes `[method, object]`
    /// (the object moved up one slot, not copied).
    @inline(__always)
    func pushMethodPair(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ method: Value) {
        let selfValue = (slots + sp - 1).move()
        (slots + sp - 1).initialize(to: method)
        (slots + sp).initialize(to: selfValue)
        sp += 1
    }

    /// LOAD_METHOD of a native method on an instance of a builtin type (`s.upper`, `lst.append`,
    /// `lock.acquire`): replaces the object on the stack top with `[method, self]` without binding a
    /// method object; builtin types' methods are immortal, so pushing one costs no reference counting.
    /// Types and modules (whose own attributes come first) and objects with a `__dict__` take the
    /// general path. Returns false, stack untouched, when that does not apply.
    @inline(never)
    func loadNativeMethodFast(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let ou = Value.peekObject(slots + sp - 1), let fn = nativeMethod(ou, names, i) else { return false }
        pushMethodPair(slots, &sp, .object(fn.takeUnretainedValue()))
        return true
    }

    /// LOAD_FAST_CALL_METHOD0 (`lock.acquire()` on a local): calls the native method `names[i]` of the
    /// object in `local`, lent to the call in place (the local keeps it alive, and no Python code can
    /// rebind another frame's fast locals). Returns nil, nothing done, when the object has no such method.
    @inline(never)
    func callLocalNativeMethod0(_ local: UnsafeMutablePointer<Value>, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) throws -> Value? {
        guard let ou = Value.peekObject(local), let fn = nativeMethod(ou, names, i) else { return nil }
        return try fn._withUnsafeGuaranteedRef { try callLending($0, self: ou) }
    }

    /// PUSH_NULL_CALL_LOCAL0 (`acquire()` on a local holding a native function, bound or not): calls it
    /// with no arguments, its self (if bound) lent from the function object, which the local keeps
    /// alive. Returns nil, nothing done, for any other callable.
    @inline(never)
    func callLocalNative0(_ local: UnsafeMutablePointer<Value>) throws -> Value? {
        guard let cu = Value.peekObject(local) else { return nil }
        return try cu._withUnsafeGuaranteedRef { co -> Value? in
            guard co.hasType(builtinFunctionTypeID), co.isExactly(builtinFunctionClass) else { return nil }
            let b = unsafeDowncast(co, to: PyBuiltinFunction.self)
            if b.boundSelf == nil { return try b.fn(self, Args(borrowing: local, count: 0)) }
            guard let o = b.boundObject else { return nil }
            return try callLending(b, self: o)
        }
    }

    /// Calls native `fn` with `selfObject` and then the `count` (at most 3) values at `args` as its
    /// arguments, lent as bitwise copies in a stack buffer: nothing is retained or released, so both
    /// must be kept alive by their owners (the caller's slots, a bound function) for the call.
    @inline(__always)
    func callLending(_ fn: PyBuiltinFunction, self selfObject: Unmanaged<PyObject>,
                     args: UnsafeMutablePointer<Value>? = nil, count n: Int = 0) throws -> Value {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: 4) { buf in
            let p = buf.baseAddress!
            Value.initializeBorrowed(p, selfObject)
            if let args { UnsafeMutableRawPointer(p + 1).copyMemory(from: args, byteCount: n * MemoryLayout<Value>.stride) }
            return try fn.fn(self, Args(borrowing: p, count: n + 1))
        }
    }

    /// The native method `names[i]` of an instance of a builtin type, unretained (builtin types' methods
    /// are immortal), or nil when the object is a type, a module or `super` (whose own attributes come
    /// first), has a `__dict__`, or the attribute is not a native unbound method.
    @inline(__always)
    func nativeMethod(_ ou: Unmanaged<PyObject>, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Unmanaged<PyBuiltinFunction>? {
        ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard t.isBuiltin, t.layout == .builtin, !o.hasType(typeTypeID), !o.hasType(superTypeID),
                  o.instanceDict == nil else { return nil }
            return unretainedName(names, i)
                ._withUnsafeGuaranteedRef { name in
                    guard name.isInterned else { return nil }
                    let entry = cacheEntry(t, name)
                    guard case .some(.object(let fo)) = entry.pointee.value, fo.isExactly(builtinFunctionClass) else { return nil }
                    let fn = unsafeDowncast(fo, to: PyBuiltinFunction.self)
                    return fn.boundSelf == nil ? Unmanaged.passUnretained(fn) : nil
                }
        } }
    }

    /// LOAD_ATTR of an instance attribute of a plain class (nothing of that name on the class, so no
    /// descriptor can interfere): replaces the object on the stack top with the value. Returns false,
    /// stack untouched, when that does not apply. Reads the slot and the name without retaining them.
    @inline(never)
    func loadAttrFast(_ slots: UnsafeMutablePointer<Value>, _ sp: Int, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let v = instanceAttribute(slots + sp - 1, names, i) else { return false }
        Value.assign(slots + sp - 1, v)
        return true
    }

    /// LOAD_FAST_LOAD_ATTR through the class's cached slot (`instanceSlot`): the attribute of the object in
    /// `local` copied to `top`. Small and out of line, tried before `loadAttrFast(from:)`, whose general
    /// path made every call pay a large prologue. False, nothing written, when it does not apply.
    @inline(never)
    func cachedAttributeRead(from local: UnsafeMutablePointer<Value>, into top: UnsafeMutablePointer<Value>,
                             _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard gilHeld, let ou = Value.peekObject(local) else { return false }
        return copyCachedInstanceAttribute(ou, names, i, into: top)
    }

    /// LOAD_ATTR through the cached slot: the object on the stack top (`slots[sp - 1]`) is replaced by its
    /// attribute. False, stack untouched, when it does not apply.
    @inline(never)
    func cachedAttributeRead(_ slots: UnsafeMutablePointer<Value>, _ sp: Int, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard gilHeld, let ou = Value.peekObject(slots + sp - 1), copyCachedInstanceAttribute(ou, names, i, into: slots + sp) else { return false }
        Value.drop(slots + sp - 1)
        (slots + sp - 1).moveInitialize(from: slots + sp, count: 1)
        return true
    }

    /// The instance attribute `names[i]` of `ou` copied into `dst` (uninitialized) through the slot
    /// cached for its class (`instanceSlot`), for the thread holding the GIL (see
    /// `PyDict.getStrHoldingGIL`). False, nothing written, when that does not apply; the general path
    /// then decides.
    @inline(__always)
    func copyCachedInstanceAttribute(_ ou: Unmanaged<PyObject>, _ names: UnsafeMutablePointer<PyStr>, _ i: Int,
                                     into dst: UnsafeMutablePointer<Value>) -> Bool {
        ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard let s = unretainedName(names, i)._withUnsafeGuaranteedRef({ instanceSlot(t, $0) }) else { return false }
            return unsafeDowncast(o, to: PyInstance.self).copyInlineValueHoldingGIL(slot: s, into: dst)
        } }
    }

    /// LOAD_FAST_LOAD_ATTR: the same lookup on the object in local slot `local`, read in place; the value
    /// is pushed at `top` (uninitialized). Returns false, nothing written, when the fast path does not apply.
    @inline(never)
    func loadAttrFast(from local: UnsafeMutablePointer<Value>, into top: UnsafeMutablePointer<Value>,
                      _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let v = instanceAttribute(local, names, i) else { return false }
        top.initialize(to: v)
        return true
    }

    /// The instance attribute `names[i]` of the plain-class object in `slot`, or nil when the fast path
    /// does not apply (not such an object, the class has something of that name, or it is missing).
    @inline(__always)
    func instanceAttribute(_ slot: UnsafeMutablePointer<Value>, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Value? {
        guard let ou = Value.peekObject(slot) else { return nil }
        return ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard t.layout != .builtin, !t.isBuiltin, hasDefaultGetattribute(t) else { return nil }
            return unretainedName(names, i)
                ._withUnsafeGuaranteedRef { name in
                    guard typeLacks(t, name) else { return nil }
                    if t.layout == .exception {
                        // An instance of a user exception class (`e.code`): its `__dict__` decides.
                        let d = unsafeDowncast(o, to: PyBaseException.self).dict
                        return gilHeld ? d.getStrHoldingGIL(name) : d.getStr(name)
                    }
                    let inst = unsafeDowncast(o, to: PyInstance.self)
                    return gilHeld ? inst.attributeHoldingGIL(name) : inst.attribute(name)
                }
        } }
    }

    /// STORE_ATTR on an instance of a plain class with the default `__setattr__` and no class attribute
    /// of that name (so no descriptor): stores into the instance dict and pops value and object.
    @inline(never)
    func storeAttrFast(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard storeInstanceAttribute(slots + sp - 1, value: slots + sp - 2, names, i) else { return false }
        Value.drop(slots + sp - 1)
        sp -= 2
        return true
    }

    /// LOAD_FAST_STORE_ATTR: the same store on the object in local slot `local`, read in place; the
    /// value at `value` (the stack top) is moved into the dict. Returns false, nothing changed, when the
    /// fast path does not apply.
    @inline(never)
    func storeAttrFast(on local: UnsafeMutablePointer<Value>, value: UnsafeMutablePointer<Value>,
                       _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        storeInstanceAttribute(local, value: value, names, i)
    }

    /// Moves `*value` into the instance dict of the plain-class object in `slot` as `names[i]`; false,
    /// nothing moved, when the fast path does not apply.
    @inline(__always)
    func storeInstanceAttribute(_ slot: UnsafeMutablePointer<Value>, value: UnsafeMutablePointer<Value>,
                                _ names: UnsafeMutablePointer<PyStr>, _ i: Int) -> Bool {
        guard let ou = Value.peekObject(slot) else { return false }
        return ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            // The slot cached for the class (`instanceSlot`): one probe instead of the checks below.
            if let s = unretainedName(names, i)._withUnsafeGuaranteedRef({ instanceSlot(t, $0) }),
               unsafeDowncast(o, to: PyInstance.self).setInlineValue(slot: s, from: value) { return true }
            guard t.layout != .builtin, !t.isBuiltin, hasDefaultSetattr(t) else { return false }
            return unretainedName(names, i)
                ._withUnsafeGuaranteedRef { name in
                    guard typeLacks(t, name) else { return false }
                    if t.layout == .exception {
                        // `self.code = code` in a user exception's `__init__`.
                        unsafeDowncast(o, to: PyBaseException.self).dict.setStr(name, value.move())
                    } else {
                        unsafeDowncast(o, to: PyInstance.self).setAttribute(name, value.move())
                    }
                    return true
                }
        } }
    }

    /// UNPACK_SEQUENCE of a tuple of the right length (`a, b = b, a + b`, `for k, v in pairs`): the
    /// items are pushed straight from the tuple read in place (no array copy, no dynamic cast). Returns
    /// false, stack untouched, for anything else.
    @inline(never)
    func unpackTupleInPlace(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, count n: Int) -> Bool {
        guard let u = Value.peekObject(slots + sp - 1),
              u._withUnsafeGuaranteedRef({ $0.isExactly(tupleClass) && unsafeDowncast($0, to: PyTuple.self).items.count == n })
        else { return false }
        // The tuple leaves its slot (moved, so it stays alive until this returns); the items take its
        // place, last item deepest.
        let tupleValue = (slots + sp - 1).move()
        u._withUnsafeGuaranteedRef { o in
            unsafeDowncast(o, to: PyTuple.self).items.withUnsafeBufferPointer { items in
                for i in 0..<n { (slots + sp - 1 + i).initialize(to: items[n - 1 - i]) }
            }
        }
        sp += n - 1
        withExtendedLifetime(tupleValue) {}
        return true
    }

    /// FOR_ITER over a generator, with the GIL held: the generator's frame to switch to (see
    /// `PyGenerator.enterInline`), or nil for any other iterator, a generator that is running or
    /// finished, no GIL, or the recursion limit reached (the usual path handles those).
    @inline(__always)
    func enterGeneratorInline(_ slot: UnsafeMutablePointer<Value>, caller: Frame) -> Unmanaged<Frame>? {
        guard let u = Value.peekObject(slot), u._withUnsafeGuaranteedRef({ $0.isExactly(generatorClass) }) else { return nil }
        return enterGeneratorInline(u, caller: caller)
    }

    @inline(never)
    private func enterGeneratorInline(_ u: Unmanaged<PyObject>, caller: Frame) -> Unmanaged<Frame>? {
        guard gilHeld, depth < interpRef._withUnsafeGuaranteedRef({ $0.recursionLimit.load(ordering: .relaxed) }) else { return nil }
        return u._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyGenerator.self).enterInline(self, caller: caller) }
    }

    /// RETURN_VALUE's frame switch (for a frame that is not the loop's entry): finishes `done`, pushes
    /// the call's result onto its caller's stack and gives back the caller. The result is the value
    /// moved from `slot` (the callee's stack top) or, for an `__init__` frame, the instance the call
    /// evaluates to; an `__init__` that returned something else than None pushes nothing and gives back
    /// the TypeError, which the loop raises in the caller. Kept out of the eval loop for the same reason
    /// as the call fast paths, and the result pushed here: returning it to the loop as a `Value` cost an
    /// outlined copy and a retain/release pair of the caller frame per return.
    @inline(never)
    func leaveFrame(_ done: Frame, returningFrom slot: UnsafeMutablePointer<Value>) -> (Unmanaged<Frame>, PyError?) {
        let caller = Unmanaged.passUnretained(done.back.unsafelyUnwrapped)
        var result = slot.move()
        var error: PyError? = nil
        if !done.constructedInstance.isNull {
            // Moved out, not copied: the frame's reference becomes the call's result.
            var instance = Value.null
            swap(&instance, &done.constructedInstance)
            if result.isNone {
                result = instance
            } else {
                error = PyError.type("__init__() should return None, not '\(result.typeName)'")
                result = .null
            }
        }
        finishFrame(done)
        caller._withUnsafeGuaranteedRef { c in
            if error == nil { (c.slots + c.sp).initialize(to: result); c.sp &+= 1 }
        }
        return (caller, error)
    }
}
