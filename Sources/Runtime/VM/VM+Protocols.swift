import BigInt

/// The abstract object protocol (CPython's Objects/abstract.c): repr, str, hash, equality, truth,
/// iteration, length, items. Each operation dispatches to the dunder method found on the value's type —
/// builtin types register theirs in Swift, user classes define them in Python — after fast paths for
/// the common builtin cases.
extension VM {
    // MARK: calling dunders

    /// Calls the special method `name` looked up on `type(obj)` (never on the instance), or returns nil
    /// if the type has none.
    @inline(__always)
    public func callSpecial(_ obj: Value, _ name: PyStr, _ args: [Value] = []) throws -> Value? {
        guard let m = lookupCached(obj.type, name) else { return nil }
        return try callBound(m, obj, args)
    }

    /// Calls an attribute found on a type as if it were bound to `obj` (functions get `obj` first).
    public func callBound(_ attr: Value, _ obj: Value, _ args: [Value], kwnames: [String] = [], kwvalues: [Value] = []) throws -> Value {
        if case .object(let o) = attr {
            if let f = o as? PyFunction {
                return try callFunction(f, Args([obj] + args, kwnames: kwnames, kwvalues: kwvalues))
            }
            if let b = o as? PyBuiltinFunction, b.boundSelf == nil {
                if kwnames.isEmpty && args.count < 4 {
                    // `[obj] + args` in a stack buffer, lent to the call: no array allocation for the
                    // dunder calls (`__eq__`, `__enter__`, …) that run through here.
                    return try withUnsafeTemporaryAllocation(of: Value.self, capacity: 4) { buf in
                        let p = buf.baseAddress!
                        p.initialize(to: obj)
                        for (i, a) in args.enumerated() { (p + 1 + i).initialize(to: a) }
                        defer { p.deinitialize(count: args.count + 1) }
                        return try b.fn(self, Args(borrowing: p, count: args.count + 1))
                    }
                }
                return try b.fn(self, Args([obj] + args, kwnames: kwnames, kwvalues: kwvalues))
            }
        }
        let bound = try bindDescriptor(attr, instance: obj, owner: obj.type)
        return try call(bound, Args(args, kwnames: kwnames, kwvalues: kwvalues))
    }

    // MARK: repr / str

    /// Raises RecursionError when native recursion (repr of a deeply nested list, `==` of deep
    /// structures, hashing a deep tuple) nears the end of the thread's stack.
    @inline(__always)
    public func checkNativeStack() throws {
        if nativeStackExhausted() { throw PyError(.make(.recursionError, "maximum recursion depth exceeded")) }
    }

    public func repr(_ v: Value) throws -> String {
        try checkNativeStack()
        if let s = Repr.fast(v) { return s }
        guard let r = try callSpecial(v, Names.repr) else { return "<\(v.typeName) object>" }
        guard case .object(let o) = r, let s = o as? PyStr else {
            throw PyError.type("__repr__ returned non-string (type \(r.typeName))")
        }
        return s.value
    }

    public func str(_ v: Value) throws -> String {
        if case .object(let o) = v, let s = o as? PyStr { return s.value }
        try checkNativeStack()
        switch v {
        case .int, .float, .bool, .none: if let s = Repr.fast(v) { return s }
        default: break
        }
        guard let r = try callSpecial(v, Names.str) else { return try repr(v) }
        guard case .object(let o) = r, let s = o as? PyStr else {
            throw PyError.type("__str__ returned non-string (type \(r.typeName))")
        }
        return s.value
    }

    func isBuiltinMethod(_ v: Value) -> Bool { v.asObject is PyBuiltinFunction }

    // MARK: hash and equality

    public func hash(_ v: Value) throws -> Int {
        try checkNativeStack()
        switch Hashing.fast(v) {
        case .hash(let h): return h
        case .unhashable(let t): throw PyError.type("unhashable type: '\(t.name)'")
        case .needsPython:
            if case .object(let o) = v, let t = o as? PyTuple {
                var hs: [Int] = []
                for item in t.items { hs.append(try hash(item)) }
                return Hashing.hashTuple(hs)
            }
            guard let r = try callSpecial(v, Names.hash) else { return Hashing.identityHash(v.asObject!) }
            switch r {
            case .int(let n): return n == -1 ? -2 : n
            case .bool(let b): return b ? 1 : 0
            case .object(let o) where o is PyBigInt: return Hashing.hashBig((o as! PyBigInt).value)
            default: throw PyError.type("__hash__ method should return an integer")
            }
        }
    }

    /// `a == b` as a bool.
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        if let r = Hashing.fastEquals(a, b) { return r }
        return try truthy(try compare(a, b, .eq))
    }

    /// Rich comparison with reflection, as CPython's `PyObject_RichCompare`.
    public func compare(_ a: Value, _ b: Value, _ op: ComparisonOperatorKind) throws -> Value {
        try checkNativeStack()
        let names: [PyStr] = [Names.lt, Names.le, Names.eq, Names.ne, Names.gt, Names.ge]
        let reflectedOp: [Int] = [4, 5, 2, 3, 0, 1]
        let ta = a.type, tb = b.type
        var checkedReflectedFirst = false
        if ta !== tb && tb.isSubtype(of: ta) && tb.lookup(names[reflectedOp[op.rawValue]]) != nil {
            checkedReflectedFirst = true
            if let r = try callSpecial(b, names[reflectedOp[op.rawValue]], [a]), !isNotImplemented(r) { return r }
        }
        if let r = try callSpecial(a, names[op.rawValue], [b]), !isNotImplemented(r) { return r }
        if !checkedReflectedFirst, let r = try callSpecial(b, names[reflectedOp[op.rawValue]], [a]), !isNotImplemented(r) { return r }
        switch op {
        case .eq: return .bool(a.isIdentical(b))
        case .ne: return .bool(!a.isIdentical(b))
        default:
            let sym = ["<", "<=", "==", "!=", ">", ">="][op.rawValue]
            throw PyError.type("'\(sym)' not supported between instances of '\(ta.name)' and '\(tb.name)'")
        }
    }

    /// `a < b` as a bool (sorting, min/max).
    public func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        if let r = fastCompare(0, a, b) { return r }
        if case .object(let x) = a, case .object(let y) = b, x.type === PyType.tuple, y.type === PyType.tuple,
           let r = fastTupleLess(unsafeDowncast(x, to: PyTuple.self), unsafeDowncast(y, to: PyTuple.self)) {
            return r
        }
        return try truthy(try compare(a, b, .lt))
    }

    /// Tuple `<` without dunder calls when every compared item is an int, float or str (sort keys).
    private func fastTupleLess(_ a: PyTuple, _ b: PyTuple) -> Bool? {
        let n = min(a.items.count, b.items.count)
        for i in 0..<n {
            guard let eq = fastCompare(2, a.items[i], b.items[i]) else { return nil }
            if !eq { return fastCompare(0, a.items[i], b.items[i]) }
        }
        return a.items.count < b.items.count
    }

    @inline(__always) public func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === PyNotImplemented.shared }
        return false
    }

    // MARK: truth

    @inline(__always)
    public func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let n): return n != 0
        case .none, .null: return false
        case .float(let d): return d != 0
        case .object(let o):
            switch o {
            case let s as PyStr: return s.count != 0
            case let l as PyList: return l.count != 0
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return d.count != 0
            case is PyBigInt: return true
            default: return try slowTruthy(v)
            }
        }
    }

    @inline(never)
    func slowTruthy(_ v: Value) throws -> Bool {
        if let r = try callSpecial(v, Names.bool) {
            guard case .bool(let b) = r else { throw PyError.type("__bool__ should return bool, returned \(r.typeName)") }
            return b
        }
        if let r = try callSpecial(v, Names.len) {
            return try lengthValue(r) != 0
        }
        return true
    }

    // MARK: length, items, membership

    public func len(_ v: Value) throws -> Int {
        if case .object(let o) = v {
            // (The builtin container classes are final: nothing else needs a cast.)
            if let n = VM.builtinLength(o, holdingGIL: false) { return n }
        }
        guard let r = try callSpecial(v, Names.len) else {
            throw PyError.type("object of type '\(v.typeName)' has no len()")
        }
        return try lengthValue(r)
    }

    /// The length of an object of an exact builtin container class (no `__len__` lookup, no dynamic
    /// cast), or nil. `holdingGIL`: the caller runs bytecode with the GIL on, so a list is read without
    /// its lock (see `PyList.itemHoldingGIL`).
    @inline(__always)
    static func builtinLength(_ o: PyObject, holdingGIL: Bool) -> Int? {
        if o.isExactly(PyStr.self) { return unsafeDowncast(o, to: PyStr.self).count }
        if o.isExactly(PyList.self) {
            let l = unsafeDowncast(o, to: PyList.self)
            return holdingGIL ? l.countHoldingGIL : l.count
        }
        if o.isExactly(PyTuple.self) { return unsafeDowncast(o, to: PyTuple.self).items.count }
        if o.isExactly(PyDict.self) { return unsafeDowncast(o, to: PyDict.self).count }
        if o.isExactly(PySet.self) { return unsafeDowncast(o, to: PySet.self).count }
        return nil
    }

    private func lengthValue(_ r: Value) throws -> Int {
        guard case .int(let n) = r else {
            if case .bool(let b) = r { return b ? 1 : 0 }
            throw PyError.type("'\(r.typeName)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyError.value("__len__() should return >= 0") }
        return n
    }

    public func getItem(_ container: Value, _ key: Value) throws -> Value {
        if case .object(let o) = container {
            // Exact Swift-class checks and unchecked downcasts: no dynamic cast, no retain of `o`.
            if o.isExactly(listClass) {
                let l = unsafeDowncast(o, to: PyList.self)
                if case .int(let i) = key {
                    if let v = l.item(pythonIndex: i) { return v }
                    throw PyError.index("list index out of range")
                }
                if o.type === PyType.list, case .object(let ko) = key, ko.isExactly(PySlice.self) {
                    // `lst[a:b]` without the dunder call (same as list.__getitem__).
                    let items = l.items
                    let (start, _, step, count) = try TypeSupport.sliceIndices(self, unsafeDowncast(ko, to: PySlice.self), items.count)
                    return .object(PyList(TypeSupport.sliceArray(items, start, step, count)))
                }
            } else if o.isExactly(tupleClass), o.type === PyType.tuple, case .int(let i) = key {
                let t = unsafeDowncast(o, to: PyTuple.self)
                let n = t.items.count
                let j = i < 0 ? i + n : i
                if j >= 0 && j < n { return t.items[j] }
                throw PyError.index("tuple index out of range")
            }
            if o.isExactly(dictClass), o.hasType(dictTypeID) {
                if let v = try unsafeDowncast(o, to: PyDict.self).get(key, vm: self) { return v }
                throw PyError.key(key)
            }
            if o.isExactly(strClass) { return try RuntimeSetup.strGetItem(self, unsafeDowncast(o, to: PyStr.self), key) }
            if let t = o as? PyType {
                // `list[int]`: __class_getitem__ is looked up on the class itself (an implicit classmethod).
                if let cg = t.lookup(PyStr.intern("__class_getitem__")) {
                    if case .object(let co) = cg, let cm = co as? PyClassMethod { return try call(cm.function, container, key) }
                    return try call(cg, key)
                }
                throw PyError.type("type '\(t.name)' is not subscriptable")
            }
        }
        guard let r = try callSpecial(container, Names.getitem, [key]) else {
            throw PyError.type("'\(container.typeName)' object is not subscriptable")
        }
        return r
    }

    public func setItem(_ container: Value, _ key: Value, _ value: Value) throws {
        if case .object(let o) = container, try setItemOfBuiltin(o, key, value) { return }
        guard try callSpecial(container, Names.setitem, [key, value]) != nil else {
            throw PyError.type("'\(container.typeName)' object does not support item assignment")
        }
    }

    /// `o[key] = value` for an exact dict, or an exact list with an int index, without the dunder call;
    /// false, nothing done, for any other container.
    @inline(__always)
    func setItemOfBuiltin(_ o: PyObject, _ key: Value, _ value: Value) throws -> Bool {
        if o.isExactly(dictClass) {
            guard o.hasType(dictTypeID) else { return false }
            try unsafeDowncast(o, to: PyDict.self).set(key, value, vm: self)
            return true
        }
        guard o.isExactly(listClass), o.hasType(listTypeID), case .int(let i) = key else { return false }
        guard unsafeDowncast(o, to: PyList.self).setItem(i, value) else {
            throw PyError.index("list assignment index out of range")
        }
        return true
    }

    public func delItem(_ container: Value, _ key: Value) throws {
        guard try callSpecial(container, Names.delitem, [key]) != nil else {
            throw PyError.type("'\(container.typeName)' object does not support item deletion")
        }
    }

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        if case .object(let o) = container {
            // Exact classes first, without a dynamic cast (and the retain its result costs).
            if o.isExactly(dictClass) { return try unsafeDowncast(o, to: PyDict.self).contains(item, vm: self) }
            // A set looked up in a set is looked up as a frozenset (set.__contains__ does the same).
            if o.isExactly(setClass) { return try unsafeDowncast(o, to: PySet.self).contains(SetSupport.frozenKey(item), vm: self) }
            if let d = o as? PyDict { return try d.contains(item, vm: self) }
            if let s = o as? PySet { return try s.contains(SetSupport.frozenKey(item), vm: self) }
            if o.isExactly(strClass), case .object(let io) = item, io.isExactly(strClass) {
                return StrSupport.contains(unsafeDowncast(o, to: PyStr.self), unsafeDowncast(io, to: PyStr.self))
            }
        }
        if let r = try callSpecial(container, Names.contains, [item]) { return try truthy(r) }
        guard container.type.lookup(Names.iter) != nil || container.type.lookup(Names.getitem) != nil else {
            throw PyError.type("argument of type '\(container.typeName)' is not iterable")
        }
        let it = try iter(container)
        while let v = try next(it) { if try equals(v, item) { return true } }
        return false
    }

    // MARK: iteration

    /// `iter(v)`.
    public func iter(_ v: Value) throws -> Value {
        if case .object(let o) = v {
            if let l = o as? PyList { return .object(PyListIterator(l)) }
            if let r = o as? PyRange, o.hasType(rangeTypeID) {
                return .object(PyIntRangeIterator(first: r.start, step: r.step, count: r.count))
            }
            if o is PyGenerator || o is PyNativeIterator || o is PyListIterator || o is PyIntRangeIterator { return v }
        }
        if let r = try callSpecial(v, Names.iter) {
            guard r.type.lookup(Names.next) != nil || r.asObject is PyNativeIterator || r.asObject is PyGenerator || r.asObject is PyListIterator || r.asObject is PyIntRangeIterator else {
                throw PyError.type("iter() returned non-iterator of type '\(r.typeName)'")
            }
            return r
        }
        if v.type.lookup(Names.getitem) != nil {
            var i = 0
            return .object(PyNativeIterator { vm in
                do { let item = try vm.getItem(v, .int(i)); i += 1; return item }
                catch let e as PyError where e.exception.isInstance(of: .indexError) || e.exception.isInstance(of: .stopIteration) { return nil }
            })
        }
        throw PyError.type("'\(v.typeName)' object is not iterable")
    }

    /// `next(it)`, returning nil when the iterator is exhausted.
    @inline(__always)
    public func next(_ it: Value) throws -> Value? {
        // The iterator read unretained: binding `case .object(let o)` retained and released it around
        // the step (two atomic operations per item of `sum(gen)`, a tenth of a generator step).
        if let u = it.unretainedObject, let step = try u._withUnsafeGuaranteedRef({ try nextOfKnownIterator($0) }) {
            return step
        }
        return try slowNext(it)
    }

    /// FOR_ITER's step, reading the iterator in place in its stack slot (no copy of it). nil: not one of
    /// the engine's own iterator classes (use `slowNext`); `.some(nil)`: exhausted; `.some(v)`: the next value.
    @inline(__always)
    func nextInPlace(_ slot: UnsafeMutablePointer<Value>) throws -> Value?? {
        guard let u = Value.peekObject(slot) else { return nil }
        return try u._withUnsafeGuaranteedRef { try nextOfKnownIterator($0) }
    }

    /// The next item of a range, list, native or generator iterator, chosen by exact Swift class (a
    /// metadata compare: no dynamic cast, no retain). A big range's iterator has the same Python type as
    /// a small one's but is a closure-based PyNativeIterator, hence the Swift class, not the Python type.
    /// nil: `o` is none of these; `.some(nil)`: exhausted.
    @inline(__always)
    func nextOfKnownIterator(_ o: PyObject) throws -> Value?? {
        if o.isExactly(rangeIteratorClass) { return .some(unsafeDowncast(o, to: PyIntRangeIterator.self).next(holdingGIL: gilHeld)) }
        if o.isExactly(listIteratorClass) {
            let it = unsafeDowncast(o, to: PyListIterator.self)
            return .some(it.next(holdingGIL: gilHeld))
        }
        if o.isExactly(nativeIteratorClass) { return .some(try unsafeDowncast(o, to: PyNativeIterator.self).next(self)) }
        if o.isExactly(generatorClass) { return .some(try unsafeDowncast(o, to: PyGenerator.self).next(self)) }
        return nil
    }

    @inline(never)
    func slowNext(_ it: Value) throws -> Value? {
        guard let m = it.type.lookup(Names.next) else {
            throw PyError.type("'\(it.typeName)' object is not an iterator")
        }
        do { return try callBound(m, it, []) }
        catch let e as PyError where e.exception.isInstance(of: .stopIteration) { return nil }
    }

    /// All items of an iterable.
    public func toArray(_ iterable: Value) throws -> [Value] {
        if case .object(let o) = iterable {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
        }
        let it = try iter(iterable)
        var out: [Value] = []
        while let v = try next(it) { out.append(v) }
        return out
    }

    // MARK: numbers

    /// `operator.index(v)` as a Swift Int; OverflowError for huge ints.
    public func index(_ v: Value) throws -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o) where o is PyBigInt:
            throw PyError.overflow("Python int too large to convert to C ssize_t")
        default:
            if let r = try callSpecial(v, Names.index) { return try index(r) }
            throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// The exact integer value of an int/bool (nil for other types).
    public func bigInt(_ v: Value) -> BigInt? {
        switch v {
        case .int(let n): return BigInt(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    public func isInstance(_ v: Value, _ t: PyType) -> Bool { v.type.isSubtype(of: t) }

    /// `format(v, spec)`.
    public func format(_ v: Value, _ spec: String) throws -> String {
        guard let r = try callSpecial(v, Names.format, [.str(spec)]) else { return try str(v) }
        guard case .object(let o) = r, let s = o as? PyStr else { throw PyError.type("__format__ must return a str, not \(r.typeName)") }
        return s.value
    }
}

/// Comparison operators as used by `VM.compare` (same order as `ComparisonOperator`).
public enum ComparisonOperatorKind: Int, Sendable { case lt, le, eq, ne, gt, ge }

/// Code-point order for str comparison (Swift's String `<` uses Unicode canonical ordering instead).
public enum PyStrOrdering {
    public static func less(_ a: PyStr, _ b: PyStr) -> Bool {
        // UTF-8 byte order is code-point order.
        PyStr.compare(a, b) < 0
    }
    public static func compare(_ a: PyStr, _ b: PyStr) -> Int { PyStr.compare(a, b) }
}
