import Compiler

/// The out-of-line parts of instructions: unpacking, f-string formatting, `**` merging, raising,
/// `yield from`, calls with `*args`/`**kwargs`.
extension VM {
    func extendItems(_ v: Value) throws -> [Value] {
        do { return try toArray(v) }
        catch let e as PyError where e.exception.isInstance(of: .typeError) && v.type.lookup(Names.iter) == nil && v.type.lookup(Names.getitem) == nil {
            throw PyError.type("Value after * must be an iterable, not \(v.typeName)")
        }
    }

    func dictUpdate(_ d: PyDict, _ m: Value, merge: Bool, callee: Value?) throws {
        if case .object(let o) = m, let src = o as? PyDict {
            for (k, v) in src.items {
                if merge, try d.contains(k, vm: self) {
                    throw PyError.type("\(calleeName(callee)) got multiple values for keyword argument '\(try str(k))'")
                }
                try d.set(k, v, vm: self)
            }
            return
        }
        guard let keysMethod = try getAttrOrNil(m, PyStr.intern("keys")) else {
            if merge { throw PyError.type("\(calleeName(callee)) argument after ** must be a mapping, not \(m.typeName)") }
            throw PyError.type("'\(m.typeName)' object is not a mapping")
        }
        for k in try toArray(try call(keysMethod, Args())) {
            if merge, try d.contains(k, vm: self) {
                throw PyError.type("\(calleeName(callee)) got multiple values for keyword argument '\(try str(k))'")
            }
            try d.set(k, try getItem(m, k), vm: self)
        }
    }

    func calleeName(_ v: Value?) -> String {
        guard let v = v, case .object(let o) = v else { return "function" }
        if let f = o as? PyFunction { return "\(f.qualname)()" }
        if let b = o as? PyBuiltinFunction { return "\(b.name)()" }
        if let t = o as? PyType { return "\(t.name)()" }
        return "function"
    }

    func formatValue(_ v: Value, conversion: Int, spec: String?) throws -> String {
        if conversion == 0 && (spec == nil || spec == "") {
            switch v {
            case .int(let n): return String(n)
            case .object(let o) where o.isExactly(strClass): return unsafeDowncast(o, to: PyStr.self).value
            default: break
            }
        }
        var value = v
        switch conversion {
        case 1: value = .str(try str(v))
        case 2: value = .str(try repr(v))
        case 3: value = .str(asciiRepr(try repr(v)))
        default: break
        }
        if spec == nil || spec == "", case .object(let o) = value, let s = o as? PyStr { return s.value }
        if spec == nil || spec == "" {
            switch value {
            case .int, .float, .bool: return try str(value)
            default: break
            }
        }
        return try format(value, spec ?? "")
    }

    /// FORMAT_VALUE as a value: a str formatted without conversion or spec is itself (no copy, no new
    /// object), an int its decimal text; anything else goes through `formatValue`.
    @inline(__always)
    func formatValueObject(_ v: Value, conversion: Int, spec: String?) throws -> Value {
        if conversion == 0 && (spec == nil || spec == "") {
            switch v {
            case .int(let n): return .object(PyStr(ascii: String(n)))
            case .object(let o) where o.isExactly(strClass): return v
            default: break
            }
        }
        return .str(try formatValue(v, conversion: conversion, spec: spec))
    }

    /// BUILD_STRING of the `n` strs at `p` (see `StrASCII.buildString`).
    @inline(__always)
    func buildString(_ p: UnsafePointer<Value>, _ n: Int) -> Value { StrASCII.buildString(p, n) }

    func asciiRepr(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 128 { out.unicodeScalars.append(u) }
            else if u.value < 0x100 { out += "\\x" + hex(u.value, 2) }
            else if u.value < 0x10000 { out += "\\u" + hex(u.value, 4) }
            else { out += "\\U" + hex(u.value, 8) }
        }
        return out
    }

    private func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    func unpackItems(_ seq: Value, count n: Int) throws -> [Value] {
        var items: [Value]
        if case .object(let o) = seq, let t = o as? PyTuple { items = t.items }
        else if case .object(let o) = seq, let l = o as? PyList { items = l.items }
        else {
            guard seq.type.lookup(Names.iter) != nil || seq.type.lookup(Names.getitem) != nil || seq.asObject is PyNativeIterator || seq.asObject is PyGenerator else {
                throw PyError.type("cannot unpack non-iterable \(seq.typeName) object")
            }
            let it = try iter(seq)
            items = []
            while let v = try next(it) {
                items.append(v)
                if items.count > n { throw PyError.value("too many values to unpack (expected \(n))") }
            }
        }
        if items.count > n { throw PyError.value("too many values to unpack (expected \(n))") }
        if items.count < n { throw PyError.value("not enough values to unpack (expected \(n), got \(items.count))") }
        return items
    }

    /// `a, *b, c = seq`: returns [a, b-list, c] in source order.
    func unpackStarred(_ seq: Value, before: Int, after: Int) throws -> [Value] {
        guard seq.type.lookup(Names.iter) != nil || seq.type.lookup(Names.getitem) != nil || seq.asObject is PyNativeIterator || seq.asObject is PyGenerator || seq.asObject is PyList || seq.asObject is PyTuple else {
            throw PyError.type("cannot unpack non-iterable \(seq.typeName) object")
        }
        let items = try toArray(seq)
        if items.count < before + after {
            throw PyError.value("not enough values to unpack (expected at least \(before + after), got \(items.count))")
        }
        var out = Array(items[0..<before])
        out.append(.object(PyList(Array(items[before..<(items.count - after)]))))
        out.append(contentsOf: items[(items.count - after)...])
        return out
    }

    func callEx(_ first: Value, _ second: Value, _ argsValue: Value, _ kwargs: Value) throws -> Value {
        var positional: [Value]
        if case .object(let o) = argsValue, let t = o as? PyTuple { positional = t.items } else { positional = try toArray(argsValue) }
        let callable: Value
        if first.isNull { callable = second } else { callable = first; positional.insert(second, at: 0) }
        var names: [String] = [], values: [Value] = []
        if case .object(let o) = kwargs, let d = o as? PyDict {
            for (k, v) in d.items {
                guard case .object(let ko) = k, let ks = ko as? PyStr else { throw PyError.type("keywords must be strings") }
                names.append(ks.value); values.append(v)
            }
        }
        return try call(callable, Args(positional, kwnames: names, kwvalues: values))
    }

    /// CHECK_EXC_MATCH's common case, `except SomeError:` with an exception instance, read in place (no
    /// copies, no dynamic cast); nil for anything else (a tuple of classes, a non-class), which
    /// `exceptionMatches` handles and reports.
    @inline(never)
    func exceptionMatchesInPlace(_ exc: UnsafeMutablePointer<Value>, _ t: UnsafeMutablePointer<Value>) -> Bool? {
        guard let eu = Value.peekObject(exc), let tu = Value.peekObject(t) else { return nil }
        return tu._withUnsafeGuaranteedRef { to -> Bool? in
            guard to.isExactly(PyType.self) else { return nil }
            let ty = unsafeDowncast(to, to: PyType.self)
            guard ty.isSubtype(of: .baseException) else { return nil }
            return eu._withUnsafeGuaranteedRef { $0.typeRef._withUnsafeGuaranteedRef { $0.isSubtype(of: ty) } }
        }
    }

    func exceptionMatches(_ exc: Value, _ t: Value) throws -> Bool {
        if case .object(let o) = t {
            if let ty = o as? PyType {
                guard ty.isSubtype(of: .baseException) else {
                    throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
                }
                return exc.type.isSubtype(of: ty)
            }
            if let tup = o as? PyTuple {
                for item in tup.items where try exceptionMatches(exc, item) { return true }
                return false
            }
        }
        throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
    }

    /// `raise X`: X may be an exception class (instantiated with no arguments) or instance.
    func makeException(_ v: Value) throws -> PyBaseException {
        if case .object(let o) = v {
            if let e = o as? PyBaseException { return e }
            if let t = o as? PyType, t.isSubtype(of: .baseException) {
                let inst = try call(v, Args())
                if case .object(let io) = inst, let e = io as? PyBaseException { return e }
                throw PyError.type("calling \(t.name) should have returned an instance of BaseException, not \(inst.typeName)")
            }
        }
        throw PyError.type("exceptions must derive from BaseException")
    }

    /// One step of `yield from`: send `v` into the subiterator.
    func sendInto(_ subSlot: UnsafeMutablePointer<Value>, _ v: Value) throws -> PyGenerator.Outcome {
        // A generator is resumed read in place from its stack slot (a copy retained and released it).
        if let u = Value.peekObject(subSlot), u._withUnsafeGuaranteedRef({ $0.isExactly(PyGenerator.self) }) {
            return try u._withUnsafeGuaranteedRef { try unsafeDowncast($0, to: PyGenerator.self).resume(self, send: v, throwing: nil) }
        }
        let sub = subSlot.pointee
        do {
            // `yield from range(…)` / a list / a builtin iterator: the next item straight from the engine's
            // iterator classes (through `__next__` it was a method lookup and an argument array per item).
            if v.isNone, case .object(let o) = sub, let step = try nextOfKnownIterator(o) {
                if let item = step { return .yielded(item) }
                return .returned(.none)
            }
            if v.isNone {
                if let item = try nextRaising(sub) { return .yielded(item) }
                return .returned(.none)
            }
            return .yielded(try call(try getAttr(sub, "send"), v))
        } catch let e as PyError where e.exception.isInstance(of: .stopIteration) {
            return .returned(e.exception.args.first ?? .none)
        }
    }

    /// Like `next` but lets StopIteration (with its value) propagate from Python iterators.
    private func nextRaising(_ it: Value) throws -> Value? {
        if case .object(let o) = it, o is PyNativeIterator || o is PyListIterator { return try next(it) }
        guard let m = it.type.lookup(Names.next) else { throw PyError.type("'\(it.typeName)' object is not an iterator") }
        return try callBound(m, it, [])
    }

    func displayHook(_ v: Value) throws {
        if let hook = interp.sys.dict.getStr("displayhook") { _ = try call(hook, v); return }
        if v.isNone { return }
        interp.stdout.write(try repr(v) + "\n", from: self)
        interp.builtins.dict.setStr("_", v)
    }
}

// MARK: small pieces the eval loop's handlers share (inlined)
extension VM {
    /// LOAD_FAST of local `i`: pushes a copy, or raises UnboundLocalError. Also the fallback of every
    /// superinstruction that replaced a LOAD_FAST.
    @inline(__always)
    func pushLocal(_ slots: UnsafeMutablePointer<Value>, _ sp: inout Int, _ i: Int, _ f: Frame) throws {
        if slots[i].isNull { throw unboundLocal(f.code.co.varnames[i]) }
        Value.initializeCopy(slots + sp, from: slots + i)
        sp &+= 1
    }

    /// A conditional jump's next instruction index: `target` if `taken`, else `pc` (the instruction after
    /// the jump). A backward jump is a safe point (GIL hand-over, Ctrl-C, aborts): a loop whose condition
    /// is re-tested at the bottom jumps back through here.
    @inline(__always)
    func jump(if taken: Bool, to target: Int, from pc: Int, _ sp: Int) throws -> Int {
        guard taken else { return pc }
        if target < pc { try safePoint(pc, sp) }
        return target
    }

    /// LOAD_DEREF's read of the cell in a frame's cell or free-variable slot, in place: copying the cell
    /// out of its slot first (`Frame.cell`) retained and released it, two atomic operations per read of a
    /// closure variable; with the GIL held the contents are read without the cell's lock too.
    @inline(__always)
    func cellContents(_ slot: UnsafeMutablePointer<Value>) -> Value {
        Value.peekObject(slot).unsafelyUnwrapped._withUnsafeGuaranteedRef { o in
            let c = unsafeDowncast(o, to: PyCell.self)
            return gilHeld ? c.contentsHoldingGIL : c.contents
        }
    }

    /// STORE_DEREF's write, with the cell read in place as for `cellContents` (writes always lock): the
    /// value moves from `v` (the stack top) into the cell.
    @inline(__always)
    func setCellContents(_ slot: UnsafeMutablePointer<Value>, movingFrom v: UnsafeMutablePointer<Value>) {
        Value.peekObject(slot).unsafelyUnwrapped._withUnsafeGuaranteedRef { o in
            unsafeDowncast(o, to: PyCell.self).store(movingFrom: v)
        }
    }

    /// NameError with what CPython 3.11 needs for its "Did you mean" hint.
    func nameError(_ name: PyStr, _ f: Frame) -> PyError {
        let e = PyBaseException.make(.nameError, "name '\(name.value)' is not defined")
        e.dict.setStr("name", .object(name))
        var locals = Array(f.code.co.varnames.prefix(f.code.nlocals)) + f.code.co.cellvars + f.code.co.freevars
        if let l = f.locals, l !== f.globals { locals += l.keys.compactMap { ($0.asObject as? PyStr)?.value } }
        e.suggestionContext = SuggestionContext(name: name.value, kind: .name(locals: locals, globals: f.globals, builtins: f.builtins))
        return PyError(e)
    }

    func unboundLocal(_ name: String) -> PyError {
        PyError(.make(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value"))
    }

    func unboundDeref(_ code: PyCode, _ i: Int) -> PyError {
        if i < code.ncells { return unboundLocal(code.co.cellvars[i]) }
        let name = code.co.freevars[i - code.ncells]
        return PyError.name("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    }
}
