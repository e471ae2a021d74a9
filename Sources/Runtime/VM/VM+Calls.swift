/// Calling: dispatch on the callable's kind, argument binding with CPython's error messages, and frame
/// creation. Python functions called from here run in a nested `eval` loop; calls made by Python code
/// itself are handled inside `eval` without recursion (see `Eval.swift`).
extension VM {
    public func call(_ callable: Value, _ args: Args) throws -> Value {
        guard case .object(let o) = callable else { throw notCallable(callable) }
        // The common kinds first, by exact Swift class (a metadata compare; `as` casts are dynamic).
        if o.isExactly(PyBuiltinFunction.self) {
            let b = unsafeDowncast(o, to: PyBuiltinFunction.self)
            if let s = b.boundSelf { return try b.fn(self, args.prepending(s)) }
            return try b.fn(self, args)
        }
        if o.isExactly(PyFunction.self) {
            return try callFunction(unsafeDowncast(o, to: PyFunction.self), args)
        }
        switch o {
        case let f as PyFunction: return try callFunction(f, args)
        case let b as PyBuiltinFunction:
            if let s = b.boundSelf { return try b.fn(self, args.prepending(s)) }
            return try b.fn(self, args)
        case let m as PyMethod: return try call(m.function, args.prepending(m.selfValue))
        case let t as PyType: return try callType(t, args)
        default:
            if let c = o.type.lookup(Names.call) { return try callBound(c, callable, args.positional, kwnames: args.kwnames, kwvalues: args.kwvalues) }
            throw notCallable(callable)
        }
    }

    /// `callable(arg)`, the call native code makes per item (`sorted`/`min`/`max` keys, `map`, `filter`):
    /// a plain Python function of one parameter gets its frame filled directly, without an `Args` array
    /// or argument binding.
    public func call(_ callable: Value, with arg: Value) throws -> Value {
        // The function is read in place, not copied out of `callable` (each copy was a retain and a
        // release of the function per item); the frame's own reference keeps it alive while it runs.
        let frame: Frame? = withUnsafePointer(to: callable) { p in
            guard let u = Value.peekObject(p) else { return nil }
            return u._withUnsafeGuaranteedRef { o -> Frame? in
                guard o.isExactly(PyFunction.self) else { return nil }
                let f = unsafeDowncast(o, to: PyFunction.self)
                guard f.code.hasSimpleSignature && f.code.argcount == 1 else { return nil }
                let frame = allocateFrame(f)
                frame.slots[0] = arg
                setupCells(f, frame)
                return frame
            }
        }
        if let frame { return try eval(frame) }
        return try call(callable, Args([arg]))
    }

    /// Convenience: positional arguments only.
    public func call(_ callable: Value, _ positional: Value...) throws -> Value {
        try call(callable, Args(positional))
    }

    func notCallable(_ v: Value) -> PyError { .type("'\(v.typeName)' object is not callable") }

    public func callFunction(_ f: PyFunction, _ args: Args) throws -> Value {
        let frame = try makeFrame(f, args)
        if f.code.isGenerator { return .object(PyGenerator(frame: frame, function: f)) }
        return try eval(frame)
    }

    /// Allocates a frame for `f` and binds `args` into its parameters.
    func makeFrame(_ f: PyFunction, _ args: Args) throws -> Frame {
        let frame = allocateFrame(f)
        do {
            try bindArguments(f, frame, args)
        } catch {
            discardFrame(frame)
            throw error
        }
        return frame
    }

    @inline(__always)
    func allocateFrame(_ f: PyFunction) -> Frame {
        let code = f.code
        if code.isGenerator {
            // Immortal and pooled too (the generator gives it back when it goes away): each resume
            // switches the eval loop's frame variable to it, which would otherwise be an atomic
            // retain/release pair per generator step.
            let frame = pooledFrame(f, slots: .allocate(capacity: code.frameSize))
            frame.arenaAllocated = false
            return frame
        }
        let slots = arena.allocate(code.frameSize)
        if framesInUse < frameStack.count {
            let frame = frameStack[framesInUse]
            framesInUse += 1
            frame.reset(code: code, globals: f.globals, builtins: f.builtins, function: f, slots: slots)
            return frame
        }
        let frame = pooledFrame(f, slots: slots)
        frameStack.append(frame)
        framesInUse += 1
        return frame
    }

    /// A frame from the process-wide pool (or a new immortal one) set up for a call of `f` with `slots`
    /// (arena slots, marked `arenaAllocated`; a generator's caller clears that).
    private func pooledFrame(_ f: PyFunction, slots: UnsafeMutablePointer<Value>) -> Frame {
        if let pooled = FramePool.take() {
            pooled.reset(code: f.code, globals: f.globals, builtins: f.builtins, function: f, slots: slots)
            return pooled
        }
        let frame = FramePool.make(Frame(code: f.code, globals: f.globals, builtins: f.builtins, locals: nil,
                                         function: f, slots: slots, arenaAllocated: true))
        frame.stacked = true
        return frame
    }

    /// `allocateFrame` for the call fast path: `f`'s reference in `calleeSlot` moves into the frame, and
    /// the slot is left holding `.null` without a release (two atomic operations fewer per call).
    /// The frame is returned unretained (see `Frame` and the eval loop's frame switches): frames of
    /// ordinary calls are immortal and held by the frame stack.
    @inline(__always)
    func allocateFrame(_ f: PyFunction, adoptingFrom calleeSlot: UnsafeMutablePointer<Value>) -> Unmanaged<Frame> {
        let code = f.code
        guard !code.isGenerator, framesInUse < frameStack.count else {
            let frame = allocateFrame(f)
            calleeSlot.pointee = .null
            return Unmanaged.passUnretained(frame)
        }
        let slots = arena.allocate(code.frameSize)
        let frame = frameStack.withUnsafeBufferPointer { Unmanaged.passUnretained($0[framesInUse]) }
        framesInUse &+= 1
        let owned = Unmanaged<PyFunction>.fromOpaque(UnsafeRawPointer(calleeSlot).load(as: UnsafeRawPointer.self))
        calleeSlot.initialize(to: .null)   // the slot's reference now belongs to `owned`
        frame._withUnsafeGuaranteedRef {
            $0.reset(code: code, globals: f.globals, builtins: f.builtins, adopting: owned, slots: slots)
        }
        return frame
    }

    /// Releases a frame's values and memory (after it returned or unwound); frames from the frame
    /// stack are popped for reuse.
    @inline(__always)
    func discardFrame(_ frame: Frame) {
        frame.clear()
        if frame.arenaAllocated {
            arena.release()
            if frame.stacked {
                assert(frameStack[framesInUse - 1] === frame, "frames must finish in LIFO order")
                framesInUse &-= 1
                frame.recycle()
            }
        } else {
            frame.slots.deallocate()
        }
    }

    /// Initializes cells and free variables once the parameters are in place.
    @inline(__always)
    func setupCells(_ f: PyFunction, _ frame: Frame) {
        let code = f.code
        if code.ncells == 0 && code.nfree == 0 { return }
        let slots = frame.slots
        let c2a = code.co.cell2arg
        for i in 0..<code.ncells {
            let a = c2a[i]
            let initial: Value = a >= 0 ? slots[a] : .null
            slots[code.nlocals + i] = .object(PyCell(initial))
        }
        // Free variables are lent, not retained: the frame's `function` keeps its closure's cells alive
        // for the frame's whole life, and `Frame.clear` skips these slots (a retain and a release of
        // each cell per call of a closure).
        if code.nfree == 0 { return }
        f.closure.withUnsafeBufferPointer { cells in
            let raw = UnsafeRawPointer(cells.baseAddress!)
            for j in 0..<code.nfree {
                let cell = Unmanaged<PyObject>.fromOpaque(raw.load(fromByteOffset: j * MemoryLayout<PyCell>.stride, as: UnsafeRawPointer.self))
                Value.initializeBorrowed(slots + code.nlocals + code.ncells + j, cell)
            }
        }
    }

    /// CPython's argument binding (`_PyEval_MakeFrameVector`), with its error messages.
    func bindArguments(_ f: PyFunction, _ frame: Frame, _ args: Args) throws {
        let co = f.code.co
        let slots = frame.slots
        let argcount = co.argcount
        let n = args.count
        let hasVarargs = co.flags.contains(.varargs)
        let hasVarkw = co.flags.contains(.varkeywords)
        let fname = f.qualname

        // Fast path: exactly the positional parameters, nothing else.
        if n == argcount && args.kwnames.isEmpty && !hasVarargs && !hasVarkw && co.kwonlyargcount == 0 {
            for i in 0..<n { slots[i] = args[i] }
            setupCells(f, frame)
            return
        }

        let npos = min(n, argcount)
        for i in 0..<npos { slots[i] = args[i] }
        var kwDict: PyDict?
        if hasVarkw {
            kwDict = PyDict()
            slots[argcount + co.kwonlyargcount + (hasVarargs ? 1 : 0)] = .object(kwDict!)
        }
        if hasVarargs {
            slots[argcount + co.kwonlyargcount] = .object(PyTuple(n > argcount ? Array(args.positional.dropFirst(argcount)) : []))
        } else if n > argcount {
            let given = n
            let ndefaults = f.defaults.count
            let kwGiven = args.kwnames.filter { k in co.varnames[argcount..<(argcount + co.kwonlyargcount)].contains(k) }.count
            var msg: String
            let plural = { (x: Int) in x == 1 ? "" : "s" }
            if ndefaults > 0 {
                msg = "\(fname)() takes from \(argcount - ndefaults) to \(argcount) positional arguments but \(given) "
            } else {
                msg = "\(fname)() takes \(argcount) positional argument\(plural(argcount)) but \(given) "
            }
            if kwGiven > 0 {
                msg += "positional argument\(plural(given)) (and \(kwGiven) keyword-only argument\(plural(kwGiven))) were given"
            } else {
                msg += given == 1 ? "was given" : "were given"
            }
            throw PyError.type(msg)
        }

        // Keyword arguments.
        for (k, v) in zip(args.kwnames, args.kwvalues) {
            var idx = -1
            for i in co.posonlyargcount..<(argcount + co.kwonlyargcount) where co.varnames[i] == k { idx = i; break }
            if idx < 0 {
                if let d = kwDict {
                    if d.getStr(k) != nil { throw PyError.type("\(fname)() got multiple values for keyword argument '\(k)'") }
                    d.setStr(PyStr(k), v); continue
                }
                if co.varnames[0..<co.posonlyargcount].contains(k) {
                    throw PyError.type("\(fname)() got some positional-only arguments passed as keyword arguments: '\(k)'")
                }
                throw PyError.type("\(fname)() got an unexpected keyword argument '\(k)'")
            }
            if !slots[idx].isNull { throw PyError.type("\(fname)() got multiple values for argument '\(k)'") }
            slots[idx] = v
        }

        // Defaults and missing arguments.
        let defaults = f.defaults
        let firstDefault = argcount - defaults.count
        var missing: [String] = []
        for i in 0..<argcount where slots[i].isNull {
            if i >= firstDefault { slots[i] = defaults[i - firstDefault] } else { missing.append(co.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(fname, missing, kind: "positional") }
        for i in argcount..<(argcount + co.kwonlyargcount) where slots[i].isNull {
            if let d = f.kwdefaults[co.varnames[i]] { slots[i] = d } else { missing.append(co.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(fname, missing, kind: "keyword-only") }
        setupCells(f, frame)
    }

    private func missingArguments(_ fname: String, _ names: [String], kind: String) -> PyError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let s = names.count == 1 ? "" : "s"
        return .type("\(fname)() missing \(names.count) required \(kind) argument\(s): \(list)")
    }

    // MARK: classes as callables

    /// `cls(*args)`: `__new__` then `__init__`, as `type.__call__` does.
    public func callType(_ t: PyType, _ args: Args) throws -> Value {
        if t === PyType.type {
            if args.count == 1 && !args.hasKeywords { return .object(args[0].type) }
            if args.count == 3 { return try makeClass(name: args[0], bases: args[1], namespace: args[2], kwnames: [], kwvalues: []) }
            throw PyError.type("type() takes 1 or 3 arguments")
        }
        if t.isBuiltin && t.layout == .builtin, let ctor = t.constructor { return try ctor(self, t, args) }
        let newAttr = lookupCached(t, Names.new)
        let userNew: Value? = {
            guard let n = newAttr, case .object(let o) = n else { return nil }
            if let s = o as? PyStaticMethod, s.function.asObject is PyFunction { return s.function }
            if o is PyFunction { return n }
            return nil
        }()
        let obj: Value
        if let nf = userNew {
            obj = try call(nf, args.prepending(.object(t)))
            guard obj.type.isSubtype(of: t) else { return obj }
        } else {
            obj = try allocateInstance(t, args)
        }
        if let initAttr = lookupCached(t, Names.`init`) {
            if userNew == nil, !args.hasKeywords, case .object(let io) = initAttr, ObjectIdentifier(io) == baseExceptionInitID {
                return obj   // `KeyError(k)`: the arguments are already the instance's `args`
            }
            if case .object(let io) = initAttr, let b = io as? PyBuiltinFunction, b.isObjectDefault {
                if (args.count > 0 || args.hasKeywords) && userNew == nil && t.layout == .object {
                    throw PyError.type("\(t.name)() takes no arguments")
                }
                return obj
            }
            let r = try callBound(initAttr, obj, args.positional, kwnames: args.kwnames, kwvalues: args.kwvalues)
            if !r.isNone { throw PyError.type("__init__() should return None, not '\(r.typeName)'") }
        }
        return obj
    }

    /// Whether `cls` creates instances with `object.__new__` (no `__new__` of its own in the MRO).
    @inline(__always)
    func hasDefaultNew(_ cls: PyType) -> Bool { classFacts(cls) & PyType.factDefaultNew != 0 }

    /// Whether `cls`'s `__new__` is native, so `allocateInstance` makes its instances.
    @inline(__always)
    func hasNativeNew(_ cls: PyType) -> Bool { classFacts(cls) & PyType.factNativeNew != 0 }

    /// Whether `cls` reads attributes with `object.__getattribute__` (no class-defined override).
    @inline(__always)
    func hasDefaultGetattribute(_ cls: PyType) -> Bool { classFacts(cls) & PyType.factDefaultGetattribute != 0 }

    /// Whether `cls` sets attributes with `object.__setattr__`.
    @inline(__always)
    func hasDefaultSetattr(_ cls: PyType) -> Bool { classFacts(cls) & PyType.factDefaultSetattr != 0 }

    /// Facts about a class that the fast paths ask on every instantiation and attribute store, cached on
    /// the class for the current `PyType.epoch` (any class change bumps it), so asking costs two atomic
    /// loads instead of dictionary lookups and reference counting.
    @inline(__always)
    func classFacts(_ cls: PyType) -> Int {
        let epoch = PyType.epoch.load(ordering: .acquiring)
        let packed = cls.factsCache.load(ordering: .relaxed)
        if packed >= 0 && packed >> PyType.factBits == epoch { return packed & PyType.factMask }
        return computeClassFacts(cls, epoch: epoch)
    }

    @inline(never)
    func computeClassFacts(_ cls: PyType, epoch: Int) -> Int {
        var facts = 0
        if let n = lookupCached(cls, Names.new), case .object(let o) = n, let sm = o as? PyStaticMethod,
           case .object(let fo) = sm.function, let b = fo as? PyBuiltinFunction, b.isObjectDefault {
            facts |= PyType.factDefaultNew
        }
        // What `callType` treats as "no user __new__" (then `allocateInstance` makes the object).
        if let n = lookupCached(cls, Names.new), case .object(let o) = n,
           !((o as? PyStaticMethod)?.function.asObject is PyFunction), !(o is PyFunction) {
            facts |= PyType.factNativeNew
        }
        if let sa = lookupCached(cls, Names.setattr), case .object(let o) = sa, o.type === PyType.builtinFunction {
            facts |= PyType.factDefaultSetattr
        }
        if let ga = lookupCached(cls, Names.getattribute), case .object(let o) = ga, o.type === PyType.builtinFunction {
            facts |= PyType.factDefaultGetattribute
        }
        cls.factsCache.store(epoch << PyType.factBits | facts, ordering: .relaxed)
        return facts
    }

    /// `object.__new__(cls)` for each instance layout.
    func allocateInstance(_ t: PyType, _ args: Args) throws -> Value {
        switch t.layout {
        case .object: return .object(PyInstance(type: t))
        case .exception:
            // The nearest builtin exception constructor (OSError maps errno to its subclasses).
            if let ctor = t.mro.first(where: { $0.constructor != nil })?.constructor { return try ctor(self, t, args) }
            return .object(PyBaseException(type: t, args: args.positional))
        case .builtin:
            // A builtin type (or a user subclass of one, which is not supported yet).
            var base = t
            while base.constructor == nil, let b = base.bases.first { base = b }
            guard let ctor = base.constructor else { throw PyError.type("cannot create '\(t.name)' instances") }
            return try ctor(self, t, args)
        }
    }
}
