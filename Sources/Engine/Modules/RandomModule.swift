import BigInt
import Foundation
import Runtime

/// A `random.Random` instance: its own Mersenne Twister state behind a lock (module functions are
/// methods of a shared hidden instance and may be called from several threads at once).
public final class PyRandom: PyObject, @unchecked Sendable {
    private let lock = ObjectLock()
    private var mt = MersenneTwister()
    private var gaussNext: Double?

    public init(of type: PyType = RandomModule.randomType) { super.init(type: type) }

    /// Runs `body` with exclusive access to the generator state. Never call Python code inside.
    func withState<R>(_ body: (inout MersenneTwister) throws -> R) rethrows -> R {
        try lock.withLock { try body(&mt) }
    }

    func random() -> Double { withState { $0.random() } }

    func takeGaussNext() -> Double? { lock.withLock { let g = gaussNext; gaussNext = nil; return g } }
    func setGaussNext(_ g: Double?) { lock.withLock { gaussNext = g } }
    var gaussState: Double? { lock.withLock { gaussNext } }
}

/// The `random` module, following CPython 3.11's Lib/random.py on top of `MersenneTwister`, so that
/// seeded results are identical to CPython's.
public enum RandomModule {
    public static let randomType: PyType = {
        let t = PyType(builtin: "Random", base: .object, module: "random")
        t.isBaseType = false
        t.constructor = { vm, type, args in
            let p = try ParameterBinder("Random", ["x"], required: 0).bind(args)
            let r = PyRandom(of: type)
            try seed(vm, r, p[0] ?? .none, version: 2)
            return .object(r)
        }
        t.constant("VERSION", .int(3))
        for binding in methods { t.dict.setStr(binding.name, .object(binding.function(qualname: "Random.\(binding.name)"))) }
        return t
    }()

    static let exported = ["seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample",
                           "shuffle", "choices", "normalvariate", "lognormvariate", "expovariate",
                           "vonmisesvariate", "gammavariate", "gauss", "betavariate", "paretovariate",
                           "weibullvariate", "getstate", "setstate", "getrandbits", "randbytes"]

    public static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "random")
        m.dict.setStr("Random", .object(randomType))
        let inst = PyRandom()
        try seed(interp.mainVM, inst, .none, version: 2)
        m.dict.setStr("_inst", .object(inst))
        for name in exported {
            guard case .object(let o)? = randomType.dict.getStr(name), let f = o as? PyBuiltinFunction else { continue }
            m.dict.setStr(name, .object(f.bind(.object(inst))))
        }
        m.dict.setStr("__all__", .object(PyList((["Random"] + exported).sorted().map { .str($0) })))
        m.dict.setStr("BPF", .int(53))
        m.dict.setStr("RECIP_BPF", .float(1.0 / 9007199254740992.0))
        m.dict.setStr("NV_MAGICCONST", .float(nvMagic))
        m.dict.setStr("TWOPI", .float(2.0 * Double.pi))
        m.dict.setStr("LOG4", .float(Foundation.log(4.0)))
        m.dict.setStr("SG_MAGICCONST", .float(1.0 + Foundation.log(4.5)))
        return m
    }

    static func instance(_ args: Args, _ method: String) throws -> PyRandom {
        guard case .object(let o)? = args.first, let r = o as? PyRandom else {
            throw PyError.type("descriptor '\(method)' for 'Random' objects doesn't apply to a '\(args.first?.typeName ?? "NoneType")' object")
        }
        return r
    }

    /// Binds a method's arguments after `self`: Python-level signature and messages.
    static func bind(_ args: Args, _ method: String, _ names: [String], required: Int,
                     keywordOnly: [String] = []) throws -> (PyRandom, [Value?]) {
        let r = try instance(args, method)
        let p = try ParameterBinder("Random.\(method)", names, required: required, implicit: 1,
                                    keywordOnly: keywordOnly).bind(args, skip: 1)
        return (r, p)
    }

    static var methods: [NativeBinding] {
        var list: [NativeBinding] = [
            NativeBinding("seed", { vm, args in
                let (r, p) = try bind(args, "seed", ["a", "version"], required: 0)
                let version = try p[1].map { try vm.index($0) } ?? 2
                try seed(vm, r, p[0] ?? .none, version: version)
                return .none
            }),
            NativeBinding("random", { _, args in
                let (r, _) = try bind(args, "random", [], required: 0)
                return .float(r.random())
            }),
            NativeBinding("getrandbits", { vm, args in
                let (r, p) = try bind(args, "getrandbits", ["k"], required: 1)
                let k = try vm.index(p[0]!)
                if k < 0 { throw PyError.value("number of bits must be non-negative") }
                return .integer(r.withState { $0.bits(k) })
            }),
            NativeBinding("randbytes", { vm, args in
                let (r, p) = try bind(args, "randbytes", ["n"], required: 1)
                let n = try vm.index(p[0]!)
                if n < 0 { throw PyError.value("number of bits must be non-negative") }
                let v = r.withState { $0.bits(n * 8) }
                var bytes: [UInt8] = []
                var mag = v.magnitude
                for _ in 0..<n { bytes.append(UInt8(mag & 0xff)); mag >>= 8 }
                return .object(PyBytes(bytes))
            }),
            NativeBinding("randrange", { vm, args in
                let (r, p) = try bind(args, "randrange", ["start", "stop", "step"], required: 1)
                return try randrange(vm, r, p[0]!, p[1] ?? .none, p[2])
            }),
            NativeBinding("randint", { vm, args in
                let (r, p) = try bind(args, "randint", ["a", "b"], required: 2)
                if case .int(let a) = p[0]!, case .int(let b) = p[1]!, b >= a,
                   case (let w, false) = b.subtractingReportingOverflow(a), w < Int.max {
                    return .int(a + r.withState { $0.below(w + 1) })
                }
                return try randrange(vm, r, p[0]!, try vm.binaryOp(.add, p[1]!, .int(1)), nil)
            }),
            NativeBinding("choice", { vm, args in
                let (r, p) = try bind(args, "choice", ["seq"], required: 1)
                let seq = p[0]!
                let n = try vm.len(seq)
                if n == 0 { throw PyError.index("Cannot choose from an empty sequence") }
                return try vm.getItem(seq, .int(r.withState { $0.below(n) }))
            }),
            NativeBinding("shuffle", { vm, args in
                let (r, p) = try bind(args, "shuffle", ["x"], required: 1)
                try shuffle(vm, r, p[0]!)
                return .none
            }),
            NativeBinding("sample", { vm, args in
                let (r, p) = try bind(args, "sample", ["population", "k"], required: 2, keywordOnly: ["counts"])
                return try sample(vm, r, p[0]!, p[1]!, counts: p[2] ?? .none)
            }),
            NativeBinding("choices", { vm, args in
                let (r, p) = try bind(args, "choices", ["population", "weights"], required: 1,
                                      keywordOnly: ["cum_weights", "k"])
                return try choices(vm, r, p[0]!, weights: p[1] ?? .none, cumWeights: p[2] ?? .none, k: p[3] ?? .int(1))
            }),
            NativeBinding("getstate", { _, args in
                let (r, _) = try bind(args, "getstate", [], required: 0)
                let (state, index) = r.withState { ($0.state, $0.index) }
                let internalState = PyTuple(state.map { .int(Int($0)) } + [.int(index)])
                return .object(PyTuple([.int(3), .object(internalState), r.gaussState.map { .float($0) } ?? .none]))
            }),
            NativeBinding("setstate", { vm, args in
                let (r, p) = try bind(args, "setstate", ["state"], required: 1)
                try setstate(vm, r, p[0]!)
                return .none
            }),
        ]
        list += distributionMethods
        return list
    }

    // MARK: seeding

    static func seed(_ vm: VM, _ r: PyRandom, _ a: Value, version: Int) throws {
        var value = a
        if case .object(let o) = a, o is PyStr || o is PyBytes {
            let bytes: [UInt8] = (o as? PyStr).map { Array($0.value.utf8) } ?? (o as! PyBytes).bytes
            if version == 1 {
                // Python 2's string hash, for reproducing old sequences.
                let chars: [UInt64] = (o as? PyStr).map { $0.value.unicodeScalars.map { UInt64($0.value) } } ?? bytes.map { UInt64($0) }
                var x: UInt64 = chars.first.map { $0 << 7 } ?? 0
                for c in chars { x = (1000003 &* x) ^ c }
                x ^= UInt64(chars.count)
                value = .integer(BigInt(x))
            } else if version == 2 {
                value = .integer(BigInt(sign: .plus, magnitude: bigEndian(bytes + SHA512.digest(bytes))))
            }
        }
        switch value {
        case .none:
            let words = OSModule.randomBytes(4 * MersenneTwister.n)
            var key: [UInt32] = []
            for i in 0..<MersenneTwister.n {
                key.append(UInt32(words[4 * i]) | UInt32(words[4 * i + 1]) << 8 | UInt32(words[4 * i + 2]) << 16 | UInt32(words[4 * i + 3]) << 24)
            }
            r.withState { $0.initByArray(key) }
        case .int, .bool:
            let mag = vm.bigInt(value)!.magnitude
            r.withState { $0.seed(magnitude: mag) }
        case .object(let o) where o is PyBigInt:
            let mag = (o as! PyBigInt).value.magnitude
            r.withState { $0.seed(magnitude: mag) }
        case .float:
            let h = try vm.hash(value)
            r.withState { $0.seed(magnitude: BigUInt(UInt(bitPattern: h))) }
        case .object(let o) where o is PyStr || o is PyBytes:
            let h = try vm.hash(value)
            r.withState { $0.seed(magnitude: BigUInt(UInt(bitPattern: h))) }
        default:
            throw PyError.type("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
        r.setGaussNext(nil)
    }

    private static func bigEndian(_ bytes: [UInt8]) -> BigUInt {
        var limbs: [UInt] = []
        var i = bytes.count
        while i > 0 {
            var limb: UInt = 0
            for s in 0..<8 where i - 1 - s >= 0 { limb |= UInt(bytes[i - 1 - s]) << (8 * UInt(s)) }
            limbs.append(limb)
            i -= 8
        }
        return BigUInt(words: limbs)
    }

    static func setstate(_ vm: VM, _ r: PyRandom, _ state: Value) throws {
        let parts = try vm.toArray(state)
        guard let first = parts.first else { throw PyError.index("tuple index out of range") }
        let version = vm.bigInt(first)
        guard version == 3 || version == 2 else {
            throw PyError.value("state with version \(try vm.str(first)) passed to Random.setstate() of version 3")
        }
        guard parts.count == 3 else {
            throw PyError.value(parts.count > 3 ? "too many values to unpack (expected 3)" : "not enough values to unpack (expected 3, got \(parts.count))")
        }
        guard case .object(let o) = parts[1], let t = o as? PyTuple else { throw PyError.type("state vector must be a tuple") }
        guard t.items.count == MersenneTwister.n + 1 else { throw PyError.value("state vector is the wrong size") }
        var words: [UInt32] = []
        for v in t.items.prefix(MersenneTwister.n) {
            guard var b = vm.bigInt(v) else { throw PyError.type("an integer is required") }
            if version == 2 { b = BuiltinNumerics.floorDivMod(b, BigInt(1) << 32).1 }
            guard b.sign == .plus || b.isZero, b.magnitude.bitWidth <= 64 else {
                throw PyError.overflow("Python int too large to convert to C unsigned long")
            }
            words.append(UInt32(truncatingIfNeeded: UInt64(b.magnitude)))
        }
        let index = try vm.index(t.items[MersenneTwister.n])
        if index < 0 || index > MersenneTwister.n { throw PyError.value("invalid state") }
        r.withState { $0.state = words; $0.index = index }
        r.setGaussNext(parts[2].isNone ? nil : try BuiltinNumerics.toDouble(vm, parts[2]))
    }

    // MARK: integers

    /// `_index(v)` with randrange's fallback for integral floats (3.11 deprecation path).
    private static func rangeIndex(_ vm: VM, _ v: Value, _ label: String) throws -> BigInt {
        if let b = vm.bigInt(v) { return b }
        if v.type.lookup(PyStr.intern("__index__")) != nil { return try BuiltinNumerics.indexBig(vm, v) }
        let i = try vm.call(.object(PyType.int), Args([v]))
        if !(try vm.equals(i, v)) { throw PyError.value("non-integer \(label) for randrange()") }
        return try BuiltinNumerics.indexBig(vm, i)
    }

    static func randrange(_ vm: VM, _ r: PyRandom, _ start: Value, _ stop: Value, _ step: Value?) throws -> Value {
        // Fast path: small ints, unit step.
        if case .int(let a) = start, step == nil || { if case .int(1)? = step { return true }; return false }() {
            if stop.isNone, a > 0 { return .int(r.withState { $0.below(a) }) }
            if case .int(let b) = stop, b > a, case (let w, false) = b.subtractingReportingOverflow(a) {
                return .int(a + r.withState { $0.below(w) })
            }
        }
        let istart = try rangeIndex(vm, start, "arg 1")
        if stop.isNone {
            if let s = step, BuiltinNumerics.smallInt(s) != 1 || s.type !== PyType.int {
                throw PyError.type("Missing a non-None stop argument")
            }
            if istart > 0 { return .integer(r.withState { $0.below(istart) }) }
            throw PyError.value("empty range for randrange()")
        }
        let istop = try rangeIndex(vm, stop, "stop")
        let width = istop - istart
        let istep = try step.map { try rangeIndex(vm, $0, "step") } ?? 1
        if istep == 1 {
            if width > 0 { return .integer(istart + r.withState { $0.below(width) }) }
            throw PyError.value("empty range for randrange() (\(istart), \(istop), \(width))")
        }
        let n: BigInt
        if istep > 0 { n = BuiltinNumerics.floorDivMod(width + istep - 1, istep).0 }
        else if istep < 0 { n = BuiltinNumerics.floorDivMod(width + istep + 1, istep).0 }
        else { throw PyError.value("zero step for randrange()") }
        if n <= 0 { throw PyError.value("empty range for randrange()") }
        return .integer(istart + istep * r.withState { $0.below(n) })
    }

    static func shuffle(_ vm: VM, _ r: PyRandom, _ x: Value) throws {
        if case .object(let o) = x, let l = o as? PyList, l.type === PyType.list {
            r.withState { mt in
                l.withItems { items in
                    var i = items.count - 1
                    while i >= 1 {
                        let j = mt.below(i + 1)
                        items.swapAt(i, j)
                        i -= 1
                    }
                }
            }
            return
        }
        let n = try vm.len(x)
        var i = n - 1
        while i >= 1 {
            let j = r.withState { $0.below(i + 1) }
            let xi = try vm.getItem(x, .int(i)), xj = try vm.getItem(x, .int(j))
            try vm.setItem(x, .int(i), xj)
            try vm.setItem(x, .int(j), xi)
            i -= 1
        }
    }
}
