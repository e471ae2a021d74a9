import Synchronization
import Compiler

/// Arguments of a call into native code: positional values, then keyword values with their names.
/// Positional arguments are either an owned array or, for native functions
/// called by the eval loop, a window onto the caller's value stack (`borrowing`): the values stay on the
/// stack, owned by the frame, for exactly the duration of the call, so a call to `len(x)` or
/// `lock.acquire()` allocates no array and does no reference counting per argument. A borrowed `Args`
/// must not outlive the call it was made for: code that keeps arguments keeps `positional` (a copy)
/// or single values, never the `Args` itself.
public struct Args {
    @usableFromInline let owned: [Value]
    @usableFromInline let window: UnsafeMutablePointer<Value>?
    public let count: Int
    public var kwnames: [String]
    public var kwvalues: [Value]

    public init(_ positional: [Value] = [], kwnames: [String] = [], kwvalues: [Value] = []) {
        self.owned = positional; self.window = nil; self.count = positional.count
        self.kwnames = kwnames; self.kwvalues = kwvalues
    }

    /// Positional arguments moved out of `count` initialized values at `p` (which are left uninitialized).
    @inline(__always)
    public init(movingFrom p: UnsafeMutablePointer<Value>, count: Int) {
        self.init(Args.array(movingFrom: p, count: count))
    }

    /// Positional arguments read in place from `count` values at `p`, which the caller keeps initialized
    /// (and owns) until the call returns.
    @inline(__always)
    init(borrowing p: UnsafeMutablePointer<Value>, count: Int) {
        self.owned = []; self.window = p; self.count = count
        self.kwnames = []; self.kwvalues = []
    }

    /// An array of the `count` values at `p`, moved (no reference counting; `p` is left uninitialized).
    @inline(__always)
    public static func array(movingFrom p: UnsafeMutablePointer<Value>, count: Int) -> [Value] {
        // No arrays of capacity 0 through `unsafeUninitializedCapacity`: that would write the count into
        // the process-wide empty-array singleton (a data race ThreadSanitizer reports).
        if count == 0 { return [] }
        guard count <= ValueArrays.nullCount else {
            return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: p, count: count)
                initialized = count
            }
        }
        return ValueArrays.make(count) { $0.moveInitialize(from: p, count: count) }
    }

    /// The positional arguments as an array (a copy when they are borrowed from the stack).
    public var positional: [Value] {
        if let w = window { return Array(UnsafeBufferPointer(start: w, count: count)) }
        return owned
    }

    /// Positional argument `i`'s object as an unretained reference (nil when it is not an object or
    /// `i` is out of range): for a native method's receiver, which the call keeps alive anyway.
    @inline(__always) public func peekObject(_ i: Int) -> Unmanaged<PyObject>? {
        guard i >= 0 && i < count else { return nil }
        if let w = window { return Value.peekObject(w + i) }
        return owned.withUnsafeBufferPointer { Value.peekObject(UnsafeMutablePointer(mutating: $0.baseAddress! + i)) }
    }

    @inline(__always) public var isEmpty: Bool { count == 0 }
    @inline(__always) public var first: Value? { count == 0 ? nil : self[0] }

    @inline(__always) public subscript(i: Int) -> Value {
        if let w = window {
            precondition(i >= 0 && i < count, "argument index out of range")
            return w[i]
        }
        return owned[i]
    }

    public var hasKeywords: Bool { !kwnames.isEmpty }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        if let i = kwnames.firstIndex(of: name) { return kwvalues[i] }
        return nil
    }

    /// Positional `i` or keyword `name`.
    public func get(_ i: Int, _ name: String) -> Value? {
        if i < count { return self[i] }
        return keyword(name)
    }

    /// Raises CPython's TypeErrors for a native function that takes `min...max` positional arguments
    /// and only the keywords in `keywords`.
    public func check(_ fname: String, min: Int, max: Int, keywords: [String] = []) throws {
        for k in kwnames where !keywords.contains(k) {
            if keywords.isEmpty { throw PyError(.make(.typeError, "\(fname)() takes no keyword arguments")) }
            throw PyError(.make(.typeError, "'\(k)' is an invalid keyword argument for \(fname)()"))
        }
        let n = count
        if n < min || n > max {
            let msg: String
            if min == max {
                msg = min == 0 ? "\(fname)() takes no arguments (\(n) given)"
                    : min == 1 ? "\(fname)() takes exactly one argument (\(n) given)"
                    : "\(fname) expected \(min) arguments, got \(n)"
            } else if n < min {
                msg = "\(fname) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(n)"
            } else {
                msg = "\(fname) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(n)"
            }
            throw PyError(.make(.typeError, msg))
        }
    }

    /// The arguments with `first` prepended (bound methods).
    public func prepending(_ first: Value) -> Args {
        Args([first] + positional, kwnames: kwnames, kwvalues: kwvalues)
    }

    public func dropFirst() -> Args {
        if let w = window, count > 0 {
            var rest = Args(borrowing: w + 1, count: count - 1)
            rest.kwnames = kwnames; rest.kwvalues = kwvalues
            return rest
        }
        return Args(Array(positional.dropFirst()), kwnames: kwnames, kwvalues: kwvalues)
    }
}

public typealias NativeFunction = (VM, Args) throws -> Value

/// A named native function, for the registration tables of builtins and module functions. A struct,
/// not a `(String, NativeFunction)` tuple: a closure stored as a tuple element of an array is kept at
/// the generic ("maximally abstract") calling convention, so every call of the builtin went through two
/// reabstraction thunks that copy `Args` through memory (a third of the time of `abs(i)`).
public struct NativeBinding {
    public let name: String
    public let fn: NativeFunction
    public init(_ name: String, _ fn: @escaping NativeFunction) { self.name = name; self.fn = fn }

    /// The builtin function object for this binding (`qualname` defaults to the name).
    public func function(qualname: String? = nil) -> PyBuiltinFunction {
        PyBuiltinFunction(name: name, qualname: qualname ?? name, fn)
    }
}

/// A function implemented in Swift: a builtin (`len`), a method of a builtin type (`list.append`,
/// receiving self as the first positional argument), or such a method bound to its object.
public final class PyBuiltinFunction: PyObject {
    public let name: String
    public let qualname: String
    public let fn: NativeFunction
    public let boundSelf: Value?
    /// `boundSelf`'s object, unretained (`boundSelf` keeps it alive): lets a call lend self to the
    /// method without copying the `Value` (`callNativeInPlace`).
    public let boundObject: Unmanaged<PyObject>?
    /// `object.__hash__`/`object.__eq__` defaults: lets the runtime skip calling them.
    public let isObjectDefault: Bool
    public let doc: String?

    public init(name: String, qualname: String? = nil, doc: String? = nil, isObjectDefault: Bool = false,
                boundSelf: Value? = nil, _ fn: @escaping NativeFunction) {
        self.name = name; self.qualname = qualname ?? name; self.fn = fn
        self.boundSelf = boundSelf; self.isObjectDefault = isObjectDefault; self.doc = doc
        if case .object(let o)? = boundSelf { boundObject = Unmanaged.passUnretained(o) } else { boundObject = nil }
        super.init(type: PyType.builtinFunction)
    }

    /// This method bound to `obj` (what `[].append` evaluates to).
    public func bind(_ obj: Value) -> PyBuiltinFunction {
        PyBuiltinFunction(name: name, qualname: qualname, doc: doc, isObjectDefault: isObjectDefault, boundSelf: obj, fn)
    }
}

/// A code object prepared for execution: constants as values, names interned.
public final class PyCode: PyObject {
    public let co: CodeObject
    public let instructions: ContiguousArray<Instruction>
    public let consts: [Value]
    public let names: [PyStr]
    public let nlocals: Int
    public let ncells: Int
    public let nfree: Int
    /// Locals + cells + free + stack: the size of a frame's value area.
    public let frameSize: Int
    /// Locals + cells + free: where a frame's value stack starts (computed once, not per call).
    public let stackBase: Int
    public let isGenerator: Bool
    public let usesLocalsDict: Bool
    public let argcount: Int
    /// Only positional parameters (no keyword-only, `*args`, `**kwargs`) and not a generator: calls
    /// with exactly `argcount` positional arguments can copy them straight into the frame.
    public let hasSimpleSignature: Bool
    /// Whether a function made from this code was already made immortal (see `claimImmortalFunction`).
    private let immortalFunctionClaimed = Atomic<Bool>(false)
    /// Stable copies for the eval loop (never reallocated; freed with the code object).
    let ins: UnsafeMutablePointer<Instruction>
    let constPtr: UnsafeMutablePointer<Value>
    let namePtr: UnsafeMutablePointer<PyStr>
    /// `co.exceptionTable`, for the unwinder (walking the array retained and released it per frame
    /// unwound).
    let handlers: UnsafeMutableBufferPointer<ExceptionTableEntry>
    /// What the eval loop keeps in locals for the running code.
    var evalPointers: (UnsafeMutablePointer<Instruction>, UnsafeMutablePointer<Value>, UnsafeMutablePointer<PyStr>) {
        (ins, constPtr, namePtr)
    }

    public init(_ co: CodeObject) {
        self.co = co
        self.instructions = ContiguousArray(co.instructions)
        self.consts = co.consts.map(PyCode.value(of:))
        self.names = co.names.map(PyStr.intern)
        self.nlocals = co.varnames.count
        self.ncells = co.cellvars.count
        self.nfree = co.freevars.count
        self.stackBase = nlocals + ncells + nfree
        self.frameSize = stackBase + co.stacksize + 1
        self.isGenerator = co.flags.contains(.generator)
        self.usesLocalsDict = co.flags.contains(.usesLocalsDict)
        self.argcount = co.argcount
        self.hasSimpleSignature = !co.flags.contains(.generator) && co.kwonlyargcount == 0
            && !co.flags.contains(.varargs) && !co.flags.contains(.varkeywords)
        ins = .allocate(capacity: max(co.instructions.count, 1))
        ins.initialize(from: co.instructions, count: co.instructions.count)
        PyCode.fuseLocalAttributeAccess(ins, count: co.instructions.count)
        constPtr = .allocate(capacity: max(consts.count, 1))
        constPtr.initialize(from: consts, count: consts.count)
        namePtr = .allocate(capacity: max(names.count, 1))
        namePtr.initialize(from: names, count: names.count)
        handlers = .allocate(capacity: co.exceptionTable.count)
        _ = handlers.initialize(from: co.exceptionTable)
        super.init(type: PyType.code)
    }

    deinit {
        ins.deinitialize(count: co.instructions.count); ins.deallocate()
        constPtr.deinitialize(count: consts.count); constPtr.deallocate()
        namePtr.deinitialize(count: names.count); namePtr.deallocate()
        handlers.deallocate()
    }

    /// True exactly once per code object: for the first function a module or class body makes from it,
    /// which `MAKE_FUNCTION` then makes immortal. Calling a function costs two atomic reference-count
    /// updates of the shared function object (LOAD_GLOBAL's or LOAD_METHOD's reference, dropped when the
    /// frame finishes), about a third of a call to an empty function on this machine; free-threaded
    /// CPython defers reference counting of module-level functions for the same reason. One function per
    /// code object bounds what never gets freed (a module or class body re-run in a loop, a REPL
    /// redefinition) by the amount of source compiled; functions made inside functions (closures, with
    /// their cells) stay ordinary objects.
    func claimImmortalFunction() -> Bool {
        !immortalFunctionClaimed.load(ordering: .relaxed)
            && immortalFunctionClaimed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }

    /// The operators `LOAD_FAST_CONST_BINARY` / `LOAD_FAST_FAST_BINARY` do in place.
    private static func isIntOperator(_ op: Opcode) -> Bool {
        op == .binaryOp || op == .compareOp || op == .compareOpJump || op == .binarySubscr || op == .containsOp
    }

    /// `LOAD_FAST i; LOAD_ATTR n` → `LOAD_FAST_LOAD_ATTR i; LOAD_ATTR n` (and the same for STORE_ATTR):
    /// see `Opcode.loadFastLoadAttr`; `LOAD_FAST i; LOAD_METHOD n; CALL 0` → `LOAD_FAST_CALL_METHOD0 i; …`
    /// (`Opcode.loadFastCallMethod0`); `LOAD_FAST i; LOAD_CONST c | LOAD_FAST j; BINARY_OP op |
    /// BINARY_SUBSCR | CONTAINS_OP` → `LOAD_FAST_CONST_BINARY` / `LOAD_FAST_FAST_BINARY` (int arithmetic, subscripts
    /// on locals); `COMPARE_OP; POP_JUMP_IF_*` → `COMPARE_OP_JUMP; …` (`Opcode.compareOpJump`). The
    /// instructions after it stay, so a jump that lands on one of them (`(a if c else b).x`) still
    /// finds it.
    static func fuseLocalAttributeAccess(_ ins: UnsafeMutablePointer<Instruction>, count: Int) {
        guard count > 1 else { return }
        for i in 0..<(count - 1) where ins[i].op == .compareOp
            && (ins[i + 1].op == .popJumpIfFalse || ins[i + 1].op == .popJumpIfTrue) {
            ins[i].op = .compareOpJump
        }
        for i in 0..<(count - 2) where ins[i].op == .pushNull && ins[i + 1].op == .loadFast
            && ins[i + 2].op == .call && ins[i + 2].arg == 0 {
            ins[i].op = .pushNullCallLocal0
        }
        for i in 0..<(count - 1) where ins[i].op == .loadFast {
            switch ins[i + 1].op {
            case .loadAttr: ins[i].op = .loadFastLoadAttr
            case .storeAttr: ins[i].op = .loadFastStoreAttr
            case .loadMethod where i + 2 < count && ins[i + 2].op == .call && ins[i + 2].arg == 0:
                ins[i].op = .loadFastCallMethod0
            case .loadConst where i + 2 < count && isIntOperator(ins[i + 2].op):
                ins[i].op = .loadFastConstBinary
            case .loadFast where i + 2 < count && isIntOperator(ins[i + 2].op):
                ins[i].op = .loadFastFastBinary
            default: break
            }
        }
        fuseBorrowedCalls(ins, count: count)
    }

    /// Loads that run no Python code and cannot rebind a fast local, so a value lent before them stays alive.
    private static func isPlainLoad(_ op: Opcode) -> Bool {
        op == .loadFast || op == .loadConst || op == .loadGlobal || op == .loadDeref
    }

    /// `[LOAD_FAST x; LOAD_METHOD m;] (LOAD_FAST | LOAD_CONST | LOAD_GLOBAL | LOAD_DEREF) × n; CALL n` with at least one local
    /// → `LOAD_FAST_BORROW_METHOD`, `LOAD_FAST_BORROW`s and `CALL_BORROWED` (see `Opcode.callBorrowed`),
    /// unless a jump lands inside (then a path that did not lend could reach the call; unlikely, as
    /// the compiler never jumps between plain loads, but cheap to rule out).
    private static func fuseBorrowedCalls(_ ins: UnsafeMutablePointer<Instruction>, count: Int) {
        var targets = Set<Int>()
        for i in 0..<count where ins[i].op.isJump { targets.insert(Int(ins[i].arg)) }
        for c in 0..<count where ins[c].op == .call {
            let n = Int(ins[c].arg)
            guard n > 0, n <= 6, c >= n, !targets.contains(c) else { continue }
            let args = (c - n)..<c
            guard args.allSatisfy({ isPlainLoad(ins[$0].op) && !targets.contains($0) })
            else { continue }
            let receiver = c - n - 2
            let lendsSelf = receiver >= 0 && ins[receiver].op == .loadFast && ins[receiver + 1].op == .loadMethod
                && !targets.contains(receiver + 1)
            guard lendsSelf || args.contains(where: { ins[$0].op == .loadFast }) else { continue }
            for k in args where ins[k].op == .loadFast { ins[k].op = .loadFastBorrow }
            if lendsSelf { ins[receiver].op = .loadFastBorrowMethod }
            ins[c].op = .callBorrowed
        }
    }

    static func value(of c: Constant) -> Value {
        switch c {
        case .none: return .none
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .ellipsis: return .object(PyEllipsis.shared)
        case .int(let b): return .integer(b)
        case .float(let d): return .float(d)
        case .str(let s): return .object(PyStr.intern(s))
        case .bytes(let b): return .object(PyBytes(b))
        // `()` is the one empty tuple, as in CPython (`() is ()`, `t[5:2] is ()`).
        case .tuple(let items): return items.isEmpty ? .object(PyTuple.empty) : .object(PyTuple(items.map(value(of:))))
        case .code(let co): return .object(PyCode(co))
        }
    }

    public var name: String { co.name }
    public var qualname: String { co.qualname }
    public var filename: String { co.filename }
}

/// A function defined in Python (`def`, `lambda`, comprehension bodies).
public final class PyFunction: PyObject {
    public let code: PyCode
    public let globals: PyDict
    public let builtins: PyDict
    public var defaults: [Value]
    public var kwdefaults: [String: Value]
    public let closure: [PyCell]
    public var module: Value
    // Closures and lambdas are created in loops: what most functions never use (a `__dict__`, a
    // renamed `__name__`) is not made per function. `name`/`qualname` read the code object's until set.
    private var nameOverride: String?
    private var qualnameOverride: String?
    /// The `__dict__`, created on first use.
    private let lazyDict = LazyDict()

    public var name: String {
        get { nameOverride ?? code.co.name }
        set { nameOverride = newValue }
    }
    public var qualname: String {
        get { qualnameOverride ?? code.co.qualname }
        set { qualnameOverride = newValue }
    }

    public init(code: PyCode, globals: PyDict, builtins: PyDict, defaults: [Value] = [],
                kwdefaults: [String: Value] = [:], closure: [PyCell] = []) {
        self.code = code; self.globals = globals; self.builtins = builtins; self.defaults = defaults
        self.kwdefaults = kwdefaults; self.closure = closure
        self.module = globals.getStr(Names.name) ?? .none
        super.init(type: PyType.function)
    }

    /// The function's `__dict__` (made on first use).
    public var dict: PyDict { lazyDict.dict }

    public override var instanceDict: PyDict? { dict }
}

/// A function bound to an instance (`obj.method`).
public final class PyMethod: PyObject {
    public let function: Value
    public let selfValue: Value
    public init(function: Value, self selfValue: Value) {
        self.function = function; self.selfValue = selfValue
        super.init(type: PyType.method)
    }
}

/// A closure cell. Reads and writes are atomic: closures are shared between threads.
public final class PyCell: PyObject {
    private let spin = SpinLock()
    private var value: Value
    public init(_ v: Value = .null) { value = v; super.init(type: PyType.cell) }
    @inline(__always) public var contents: Value {
        get { spin.lock(); defer { spin.unlock() }; return value }
        set { spin.lock(); defer { spin.unlock() }; value = newValue }
    }
    /// `contents` read without the lock, for the thread holding the GIL: every write takes the lock and,
    /// with the GIL on, every writer holds the GIL (the rule `PyDict.getStrHoldingGIL` explains).
    @inline(__always) var contentsHoldingGIL: Value { value }

    /// Moves `*v` into the cell (the old contents released after the lock): the setter's copy and two
    /// destroys were outlined calls in the eval loop's STORE_DEREF.
    @inline(__always) func store(movingFrom v: UnsafeMutablePointer<Value>) {
        spin.lock()
        let old = withUnsafeMutablePointer(to: &value) { p -> Value in
            let old = p.move()
            p.moveInitialize(from: v, count: 1)
            return old
        }
        spin.unlock()
        _ = consume old
    }
}

/// A module: a name and a namespace.
public final class PyModule: PyObject {
    public let name: String
    public let dict: PyDict
    public init(name: String, dict: PyDict = PyDict()) {
        self.name = name; self.dict = dict
        super.init(type: PyType.module)
        dict.setStr("__name__", .str(name))
    }
    public override var instanceDict: PyDict? { dict }
}

public final class PyEllipsis: PyObject {
    public static let shared = PyEllipsis()
    private init() { super.init(type: PyType.ellipsisType) }
}

public final class PyNotImplemented: PyObject {
    public static let shared = PyNotImplemented()
    private init() { super.init(type: PyType.notImplementedType) }
}

public final class PyProperty: PyObject {
    public let fget: Value, fset: Value, fdel: Value, doc: Value
    public init(fget: Value, fset: Value = .none, fdel: Value = .none, doc: Value = .none) {
        self.fget = fget; self.fset = fset; self.fdel = fdel; self.doc = doc
        super.init(type: PyType.property)
    }
}

public final class PyStaticMethod: PyObject {
    public let function: Value
    public init(_ f: Value) { function = f; super.init(type: PyType.staticmethod) }
}

public final class PyClassMethod: PyObject {
    public let function: Value
    public init(_ f: Value) { function = f; super.init(type: PyType.classmethod) }
}

/// `super(type, obj)`: attribute lookup starting after `startType` in the MRO of `obj`'s type.
public final class PySuper: PyObject {
    public let startType: PyType
    public let object: Value
    public let objectType: PyType
    public init(startType: PyType, object: Value, objectType: PyType) {
        self.startType = startType; self.object = object; self.objectType = objectType
        super.init(type: PyType.superType)
    }
}

public final class PyRange: PyObject {
    public let start: Int, stop: Int, step: Int
    public init(start: Int, stop: Int, step: Int) {
        self.start = start; self.stop = stop; self.step = step
        super.init(type: PyType.range)
    }
    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

public final class PySlice: PyObject {
    public let start: Value, stop: Value, step: Value
    public init(start: Value, stop: Value, step: Value) {
        self.start = start; self.stop = stop; self.step = step
        super.init(type: PyType.slice)
    }
}

/// An iterator whose items come from a Swift closure (returning nil when exhausted). Used for the
/// iterators of builtin containers and for enumerate/zip/map/filter/reversed.
public final class PyNativeIterator: PyObject {
    private let nextFn: (VM) throws -> Value?
    private let done = Atomic<Bool>(false)
    public init(type: PyType = PyType.nativeIterator, _ next: @escaping (VM) throws -> Value?) {
        self.nextFn = next
        super.init(type: type)
    }
    @inline(__always) public func next(_ vm: VM) throws -> Value? {
        if done.load(ordering: .relaxed) { return nil }
        if let v = try nextFn(vm) { return v }
        done.store(true, ordering: .relaxed)
        return nil
    }
}

/// The iterator of a range whose items fit in an Int. The next index is claimed with one atomic add, so
/// threads sharing the iterator (free-threaded mode) get distinct items and nothing can race; and unlike
/// a closure-based iterator nothing is retained or released per item.
public final class PyIntRangeIterator: PyObject {
    let first: Int, step: Int, count: Int
    private let index = Atomic<Int>(0)
    public init(first: Int, step: Int, count: Int) {
        self.first = first; self.step = step; self.count = count
        super.init(type: PyType.rangeIterator)
    }
    /// The next int, or nil at the end. `holdingGIL`: the caller runs bytecode with the GIL on, so no
    /// other thread can step the iterator meanwhile, and a plain load and store do (the read-modify-write
    /// that threads without a GIL need was an eighth of the time of `for i in range(n): abs(i)`).
    @inline(__always) public func next(holdingGIL: Bool = false) -> Value? {
        nextInt(holdingGIL: holdingGIL).map { .int($0) }
    }

    /// `next` as an Int.
    @inline(__always) func nextInt(holdingGIL: Bool) -> Int? {
        let i: Int
        if holdingGIL {
            i = index.load(ordering: .relaxed)
            if i >= count { return nil }
            index.store(i &+ 1, ordering: .relaxed)
        } else {
            if index.load(ordering: .relaxed) >= count { return nil }
            i = index.wrappingAdd(1, ordering: .relaxed).oldValue
        }
        return i < count ? first &+ i &* step : nil
    }
}

/// The iterator of a list: reads the live list (appends during iteration are seen, as in CPython).
public final class PyListIterator: PyObject {
    public let list: PyList
    private let index = Atomic<Int>(0)
    public init(_ list: PyList) { self.list = list; super.init(type: PyType.listIterator) }
    /// The next item, or nil at the end. `holdingGIL`: the caller runs bytecode with the GIL on, so the
    /// list is read without its lock (see `PyList.itemHoldingGIL`).
    @inline(__always) public func next(holdingGIL: Bool = false) -> Value? {
        let i = index.load(ordering: .relaxed)
        if i < 0 { return nil }
        if let v = holdingGIL ? list.itemHoldingGIL(at: i) : list.item(at: i) { index.store(i + 1, ordering: .relaxed); return v }
        index.store(-1, ordering: .relaxed)
        return nil
    }
}
