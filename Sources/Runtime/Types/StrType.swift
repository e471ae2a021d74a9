/// `str`: operators, indexing, iteration, comparisons, hashing, repr, format and the constructor. The
/// text methods are in StrMethods.swift and StrMethods2.swift, `str.format` in StrFormat.swift and
/// `%`-formatting in PercentFormat.swift.
extension RuntimeSetup {
    @inline(__always)
    static func selfStr(_ args: Args, _ name: String) throws -> PyStr {
        try TypeSupport.selfAs(args, PyStr.self, "str", name)
    }

    static func installStrType() {
        let t = PyType.str
        t.method("__add__") { _, args in
            try TypeSupport.need(args, 1, "__add__")
            let a = try selfStr(args, "__add__")
            guard let b = TypeSupport.pyStr(args[1]) else { return notImplementedValue }
            return strConcat(a, b)
        }
        t.method("__mul__") { vm, args in
            try TypeSupport.need(args, 1, "__mul__")
            return try strRepeat(vm, try selfStr(args, "__mul__"), args[1])
        }
        t.method("__rmul__") { vm, args in
            try TypeSupport.need(args, 1, "__rmul__")
            return try strRepeat(vm, try selfStr(args, "__rmul__"), args[1])
        }
        t.method("__mod__") { vm, args in
            try TypeSupport.need(args, 1, "__mod__")
            let s = try selfStr(args, "__mod__")
            return .str(try PercentFormat.format(vm, s.value, args[1]))
        }
        t.method("__rmod__") { _, _ in notImplementedValue }
        t.method("__len__") { _, args in .int(try selfStr(args, "__len__").count) }
        t.method("__contains__") { _, args in
            try TypeSupport.need(args, 1, "__contains__")
            let s = try selfStr(args, "__contains__")
            guard let n = TypeSupport.pyStr(args[1]) else {
                throw PyError.type("'in <string>' requires string as left operand, not \(args[1].typeName)")
            }
            return .bool(StrSupport.contains(s, n))
        }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            return try strGetItem(vm, try selfStr(args, "__getitem__"), args[1])
        }
        t.method("__iter__") { _, args in .object(strIterator(try selfStr(args, "__iter__"))) }
        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfStr(args, name)
                guard let b = TypeSupport.pyStr(args[1]) else { return notImplementedValue }
                if op == .eq { return .bool(strEquals(a, b)) }
                if op == .ne { return .bool(!strEquals(a, b)) }
                return comparisonResult(PyStrOrdering.compareScalars(a, b), op)
            }
        }
        t.method("__hash__") { _, args in .int(try selfStr(args, "__hash__").hashValue) }
        t.method("__repr__") { _, args in .str(Repr.str(try selfStr(args, "__repr__"))) }
        t.method("__str__") { _, args in .object(try selfStr(args, "__str__")) }
        t.method("__format__") { _, args in
            try TypeSupport.need(args, 1, "__format__")
            let s = try selfStr(args, "__format__")
            guard let spec = TypeSupport.string(args[1]) else {
                throw PyError.type("format() argument 2 must be str, not \(args[1].typeName)")
            }
            if spec.isEmpty { return .object(s) }
            return .str(try Formatter.formatStr(s, spec))
        }
        t.method("__getnewargs__") { _, args in .object(PyTuple([.str(try selfStr(args, "__getnewargs__").value)])) }
        t.method("__sizeof__") { _, args in
            let s = try selfStr(args, "__sizeof__")
            return .int(49 + (s.isASCII ? s.count : s.count * 4))
        }
        installStrMethods(t)
        installStrMethods2(t)
        t.constructor = { vm, type, args in
            if type !== PyType.str { throw PyError.type("subclassing str is not supported yet") }
            return try makeStr(vm, args)
        }
    }

    /// `a + b` for two strs.
    @inline(__always)
    static func strConcat(_ a: PyStr, _ b: PyStr) -> Value {
        if b.count == 0 { return .object(a) }
        if a.count == 0 { return .object(b) }
        // The bytes copied straight into the new string (String's `+` cost several reference-counting
        // operations on its operands' storage).
        let joined = a.withUTF8 { x in
            b.withUTF8 { y in
                StrASCII.makeString(x.count + y.count, ascii: a.isASCII && b.isASCII) { out in
                    out.initialize(from: x.baseAddress!, count: x.count)
                    (out + x.count).initialize(from: y.baseAddress!, count: y.count)
                }
            }
        }
        return .object(PyStr(joined, count: a.count + b.count, isASCII: a.isASCII && b.isASCII))
    }

    /// Code point equality (Swift's `==` on String uses canonical equivalence instead).
    @inline(__always)
    static func strEquals(_ a: PyStr, _ b: PyStr) -> Bool {
        PyStr.equal(a, b)
    }

    /// `str(object='')`, `str(bytes, encoding, errors)`.
    static func makeStr(_ vm: VM, _ args: Args) throws -> Value {
        if args.count == 1 && args.kwnames.isEmpty {
            switch args[0] {
            case .int(let n): return .object(PyStr(ascii: StrASCII.decimal(n)))
            case .object(let o) where o.isExactly(PyStr.self): return args[0]
            default: break
            }
        }
        for k in args.kwnames where !["object", "encoding", "errors"].contains(k) {
            throw PyError.type("'\(k)' is an invalid keyword argument for str()")
        }
        if args.count > 3 { throw PyError.type("str() takes at most 3 arguments (\(args.count) given)") }
        let obj = args.get(0, "object")
        let encoding = args.get(1, "encoding")
        let errors = args.get(2, "errors")
        if encoding == nil && errors == nil {
            guard let o = obj else { return .object(StrSupport.empty) }
            if case .object(let so) = o, so is PyStr { return o }
            return .str(try vm.str(o))
        }
        guard let o = obj else { return .object(StrSupport.empty) }
        let enc = try encoding.map { v -> String in
            guard let s = TypeSupport.string(v) else {
                throw PyError.type("str() argument 'encoding' must be str, not \(v.typeName)")
            }
            return s
        } ?? "utf-8"
        let err = try errors.map { v -> String in
            guard let s = TypeSupport.string(v) else {
                throw PyError.type("str() argument 'errors' must be str, not \(v.typeName)")
            }
            return s
        } ?? "strict"
        if case .object(let bo) = o, let b = bo as? PyBytes {
            return .str(try Codecs.decode(b.bytes, encoding: enc, errors: err))
        }
        if case .object(let so) = o, so is PyStr { throw PyError.type("decoding str is not supported") }
        throw PyError.type("decoding to str: need a bytes-like object, \(o.typeName) found")
    }

    static func strRepeat(_ vm: VM, _ s: PyStr, _ nv: Value) throws -> Value {
        guard let n = try TypeSupport.repeatCount(vm, nv) else { return notImplementedValue }
        if n <= 0 || s.count == 0 { return .object(StrSupport.empty) }
        if n == 1 { return .object(s) }
        try TypeSupport.checkRepeatSize(s.value.utf8.count, n)
        return .object(PyStr(String(repeating: s.value, count: n), count: s.count * n, isASCII: s.isASCII))
    }

    static func strGetItem(_ vm: VM, _ s: PyStr, _ key: Value) throws -> Value {
        if let sl = TypeSupport.slice(key) {
            let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, s.count)
            if count <= 0 { return .object(StrSupport.empty) }
            if step == 1 { return StrSupport.slice(s, start, start + count) }
            if s.isASCII {
                let bytes = Array(s.value.utf8)
                return StrSupport.make(StrSupport.string(TypeSupport.sliceArray(bytes, start, step, count)[...]))
            }
            let cps = StrSupport.cps(s)
            return StrSupport.make(StrSupport.string(TypeSupport.sliceArray(cps, start, step, count)))
        }
        let i: Int
        switch key {
        case .int(let n): i = n
        case .bool(let b): i = b ? 1 : 0
        default:
            guard case .object(let o) = key, o is PyBigInt || o.type.lookup(Names.index) != nil else {
                throw PyError.type("string indices must be integers, not '\(key.typeName)'")
            }
            i = try TypeSupport.seqIndex(vm, key, "string")
        }
        let n = s.count
        let j = i < 0 ? i + n : i
        if j < 0 || j >= n { throw PyError.index("string index out of range") }
        if s.isASCII {
            let u = s.value.utf8
            return .object(StrSupport.asciiChars[Int(u[u.index(u.startIndex, offsetBy: j)])])
        }
        return .object(StrSupport.char(ReprGuard.scalar(s, j)))
    }

    /// The iterator type of non-ASCII strings (ASCII ones use `str_ascii_iterator`, as CPython 3.11).
    static let strIteratorType = PyType(builtin: "str_iterator", base: .object)

    static func strIterator(_ s: PyStr) -> PyNativeIterator {
        if s.isASCII {
            let bytes = Array(s.value.utf8)
            var i = 0
            return PyNativeIterator(type: PyType.strIterator) { _ in
                guard i < bytes.count else { return nil }
                let c = bytes[i]
                i += 1
                return .object(StrSupport.asciiChars[Int(c)])
            }
        }
        let scalars = s.value.unicodeScalars
        var idx = scalars.startIndex
        return PyNativeIterator(type: strIteratorType) { _ in
            guard idx < scalars.endIndex else { return nil }
            let u = scalars[idx]
            idx = scalars.index(after: idx)
            return .object(StrSupport.char(u))
        }
    }
}

extension PyStrOrdering {
    /// Three-way code point comparison.
    static func compareScalars(_ a: PyStr, _ b: PyStr) -> Int { PyStr.compare(a, b) }
}

extension PyType {
    /// Defines the `str` method `name` with its receiver lent to `body` (see `receiverMethod`).
    func strMethod(_ name: String, _ body: @escaping (VM, PyStr, Args) throws -> Value) {
        receiverMethod(PyStr.self, "str", name, body)
    }
}
