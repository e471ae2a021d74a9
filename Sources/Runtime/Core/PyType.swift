import Synchronization

/// A Python class: builtin (`int`, `list`, `ValueError` …) or defined by `class` statements.
///
/// Attributes live in `dict` (a `PyDict`, so concurrent reads and writes are safe). `mro` is computed
/// with C3 linearization when the class is created. `layout` says which Swift class represents the
/// instances, because a user class inheriting from `Exception` must make exception objects.
public final class PyType: PyObject {
    public enum Layout: Sendable {
        /// Instances are `PyInstance` (plain objects with a `__dict__`).
        case object
        /// Instances are `PyBaseException`.
        case exception
        /// A builtin type whose instances are made by its own constructor (`int`, `str`, `list` …).
        case builtin
    }

    public let name: String
    public var qualname: String
    public var module: String
    public private(set) var bases: [PyType]
    public private(set) var mro: [PyType]
    public let dict: PyDict
    public let layout: Layout
    public let isBuiltin: Bool
    /// Builtin constructor: `type(*args, **kwargs)` for builtin types. Receives the type being
    /// instantiated (a subclass possibly) and the arguments.
    public var constructor: ((VM, PyType, Args) throws -> Value)?
    /// Whether instances may be subclassed by user classes.
    public var isBaseType: Bool = true
    /// `VM.classFacts` cache: `epoch << factBits | facts`, or -1 before the first ask.
    let factsCache = Atomic<Int>(-1)
    /// The attribute names this class's instances (`PyInstance`) share, each with its value slot.
    let instanceKeys = InstanceKeys()
    static let factDefaultNew = 1
    static let factDefaultSetattr = 2
    static let factDefaultGetattribute = 4
    /// `__new__` is native (object's or a builtin base's, e.g. BaseException's), not a Python function.
    static let factNativeNew = 8
    static let factBits = 4
    static let factMask = 15

    /// Creates a builtin type. `base` nil only for `object`.
    public init(builtin name: String, base: PyType?, layout: Layout = .builtin, module: String = "builtins") {
        self.name = name
        self.qualname = name
        self.module = module
        self.bases = base.map { [$0] } ?? []
        self.mro = []
        self.dict = PyType.makeAttributeDict()
        self.layout = layout
        self.isBuiltin = true
        if let base = base { super.init(type: PyType.type) } else { super.init(uninitializedType: ()) }
        self.mro = [self] + (base?.mro ?? [])
        Immortal.make(self)
        Immortal.make(dict)
    }

    /// Creates the metatype `type` (its own type).
    private init(metatype: ()) {
        name = "type"; qualname = "type"; module = "builtins"
        bases = []; mro = []; dict = PyType.makeAttributeDict(); layout = .builtin; isBuiltin = true
        super.init(uninitializedType: ())
        _type = self
        Immortal.make(self)
        Immortal.make(dict)
    }

    /// Creates a user class. Throws TypeError when no consistent MRO exists.
    public init(name: String, qualname: String, module: String, bases: [PyType], dict: PyDict) throws {
        self.name = name
        self.qualname = qualname
        self.module = module
        let realBases = bases.isEmpty ? [PyType.object] : bases
        self.bases = realBases
        self.dict = dict
        self.isBuiltin = false
        self.layout = realBases.contains { $0.layout == .exception } ? .exception : .object
        self.mro = []
        super.init(type: PyType.type)
        self.mro = try PyType.c3(self, realBases)
        PyType.invalidateLookupCaches()
    }

    public override var instanceDict: PyDict? { dict }

    /// Bumped whenever any class's attributes may have changed (a class created, an attribute set or
    /// deleted on a class): every VM's attribute-lookup cache entry from an older epoch is stale.
    public static let epoch = Atomic<Int>(0)

    public static func invalidateLookupCaches() { epoch.add(1, ordering: .releasing) }

    // The builtin types' attribute dicts are `dict` objects, but `dict` is itself a builtin type: they
    // are created untyped and get their type once every static type exists (`RuntimeSetup`).
    private static let untypedDicts = Locked<(fixed: Bool, dicts: [PyDict])>((false, []))

    private static func makeAttributeDict() -> PyDict {
        let fixed = untypedDicts.withLock { $0.fixed }
        if fixed { return PyDict() }
        let d = PyDict(untyped: ())
        untypedDicts.withLock { $0.dicts.append(d) }
        return d
    }

    static func fixUntypedDicts() {
        let dictType = PyType.dict
        let pending = untypedDicts.withLock { state -> [PyDict] in
            state.fixed = true
            defer { state.dicts = [] }
            return state.dicts
        }
        for d in pending { d._type = dictType }
        // The metatype was created before `object`: give it its base now.
        PyType.type.bases = [PyType.object]
        PyType.type.mro = [PyType.type, PyType.object]
    }

    /// Looks a name up along the MRO (class attribute lookup, no descriptors applied).
    @inline(__always) public func lookup(_ name: PyStr) -> Value? {
        for t in mro { if let v = t.dict.getStr(name) { return v } }
        return nil
    }

    public func lookup(_ name: String) -> Value? { lookup(PyStr(name)) }

    public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        // Identities compared in place: iterating `mro` retained and released every class on the way.
        let target = ObjectIdentifier(other)
        return mro.withUnsafeBufferPointer { b in b.contains { ObjectIdentifier($0) == target } }
    }

    /// C3 linearization, as CPython computes `__mro__`.
    static func c3(_ cls: PyType, _ bases: [PyType]) throws -> [PyType] {
        var seqs: [[PyType]] = bases.map { $0.mro } + [bases]
        var result: [PyType] = [cls]
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { return result }
            var candidate: PyType?
            for s in seqs {
                let head = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === head } }) { candidate = head; break }
            }
            guard let c = candidate else {
                let names = bases.map { $0.name }.joined(separator: ", ")
                throw PyError(PyBaseException.make(.typeError,
                    "Cannot create a consistent method resolution order (MRO) for bases \(names)"))
            }
            result.append(c)
            seqs = seqs.map { $0.first === c ? Array($0.dropFirst()) : $0 }
        }
    }

    // MARK: the builtin types (process-wide, immutable after `Builtins.installTypes`)
    public static let type: PyType = PyType(metatype: ())
    public static let object: PyType = { let t = PyType(builtin: "object", base: nil); t._type = PyType.type; return t }()
    public static let int = PyType(builtin: "int", base: .object)
    public static let bool: PyType = { let t = PyType(builtin: "bool", base: .int); t.isBaseType = false; return t }()
    public static let float = PyType(builtin: "float", base: .object)
    public static let str = PyType(builtin: "str", base: .object)
    public static let bytes = PyType(builtin: "bytes", base: .object)
    public static let list = PyType(builtin: "list", base: .object)
    public static let tuple = PyType(builtin: "tuple", base: .object)
    public static let dict = PyType(builtin: "dict", base: .object)
    public static let set = PyType(builtin: "set", base: .object)
    public static let frozenset = PyType(builtin: "frozenset", base: .object)
    public static let noneType = PyType(builtin: "NoneType", base: .object)
    public static let notImplementedType = PyType(builtin: "NotImplementedType", base: .object)
    public static let ellipsisType = PyType(builtin: "ellipsis", base: .object)
    public static let function = PyType(builtin: "function", base: .object)
    public static let builtinFunction = PyType(builtin: "builtin_function_or_method", base: .object)
    public static let method = PyType(builtin: "method", base: .object)
    public static let module = PyType(builtin: "module", base: .object)
    public static let cell = PyType(builtin: "cell", base: .object)
    public static let code = PyType(builtin: "code", base: .object)
    public static let generator = PyType(builtin: "generator", base: .object)
    public static let range = PyType(builtin: "range", base: .object)
    public static let slice = PyType(builtin: "slice", base: .object)
    public static let property = PyType(builtin: "property", base: .object)
    public static let staticmethod = PyType(builtin: "staticmethod", base: .object)
    public static let classmethod = PyType(builtin: "classmethod", base: .object)
    public static let superType = PyType(builtin: "super", base: .object)
    /// Iterators over builtin containers share one type per container kind.
    public static let listIterator = PyType(builtin: "list_iterator", base: .object)
    public static let tupleIterator = PyType(builtin: "tuple_iterator", base: .object)
    public static let strIterator = PyType(builtin: "str_ascii_iterator", base: .object)
    public static let rangeIterator = PyType(builtin: "range_iterator", base: .object)
    public static let dictKeyIterator = PyType(builtin: "dict_keyiterator", base: .object)
    public static let dictValueIterator = PyType(builtin: "dict_valueiterator", base: .object)
    public static let dictItemIterator = PyType(builtin: "dict_itemiterator", base: .object)
    public static let setIterator = PyType(builtin: "set_iterator", base: .object)
    public static let bytesIterator = PyType(builtin: "bytes_iterator", base: .object)
    public static let dictKeys = PyType(builtin: "dict_keys", base: .object)
    public static let dictValues = PyType(builtin: "dict_values", base: .object)
    public static let dictItems = PyType(builtin: "dict_items", base: .object)
    /// Native iterators (enumerate, zip, map, filter, reversed …): a Swift closure produces items.
    public static let enumerate = PyType(builtin: "enumerate", base: .object)
    public static let zip = PyType(builtin: "zip", base: .object)
    public static let map = PyType(builtin: "map", base: .object)
    public static let filter = PyType(builtin: "filter", base: .object)
    public static let reversed = PyType(builtin: "reversed", base: .object)
    public static let callableIterator = PyType(builtin: "callable_iterator", base: .object)
    public static let nativeIterator = PyType(builtin: "iterator", base: .object)
}
