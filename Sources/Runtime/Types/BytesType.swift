import BigInt

/// `bytes`: immutable byte strings.
enum BytesSupport {
    static func bytes(_ v: Value) -> [UInt8]? {
        if case .object(let o) = v, let b = o as? PyBytes { return b.bytes }
        return nil
    }

    /// `bytes(iterable_of_ints)` and friends.
    static func bytesFromIterable(_ vm: VM, _ v: Value) throws -> [UInt8] {
        if let b = bytes(v) { return b }
        if TypeSupport.pyStr(v) != nil { throw PyError.type("cannot convert 'str' object to bytes") }
        guard v.type.lookup(Names.iter) != nil || v.type.lookup(Names.getitem) != nil || v.asObject is PyNativeIterator else {
            throw PyError.type("cannot convert '\(v.typeName)' object to bytes")
        }
        var out: [UInt8] = []
        for item in try vm.toArray(v) {
            let n = try byteValue(vm, item)
            out.append(n)
        }
        return out
    }

    static func byteValue(_ vm: VM, _ item: Value) throws -> UInt8 {
        let b: BigInt
        if let x = IntMath.big(item) {
            b = x
        } else if case .object(let o) = item, o.type.lookup(Names.index) != nil,
                  let r = try vm.callSpecial(item, Names.index), let x = IntMath.big(r) {
            b = x
        } else {
            throw PyError.type("'\(item.typeName)' object cannot be interpreted as an integer")
        }
        guard let n = Int(exactly: b), n >= 0, n < 256 else { throw PyError.value("bytes must be in range(0, 256)") }
        return UInt8(n)
    }

    /// A bytes-like argument (bytes, or an int for `in`/find) as a needle.
    static func needle(_ vm: VM, _ v: Value, _ what: String) throws -> [UInt8] {
        if let b = bytes(v) { return b }
        if TypeSupport.isIntLike(v) {
            guard let n = TypeSupport.smallInt(v), n >= 0, n < 256 else { throw PyError.value("byte must be in range(0, 256)") }
            return [UInt8(n)]
        }
        throw PyError.type("argument should be integer or bytes-like object, not '\(v.typeName)'")
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 9 && c <= 13) }
}

extension RuntimeSetup {
    @inline(__always)
    static func selfBytes(_ args: Args, _ name: String) throws -> PyBytes {
        try TypeSupport.selfAs(args, PyBytes.self, "bytes", name)
    }

    static func installBytesType() {
        let t = PyType.bytes
        t.method("__repr__") { _, args in .str(Repr.bytes(try selfBytes(args, "__repr__").bytes)) }
        t.method("__len__") { _, args in .int(try selfBytes(args, "__len__").bytes.count) }
        t.method("__hash__") { _, args in .int(try selfBytes(args, "__hash__").hashValue) }
        t.method("__getitem__") { vm, args in
            try TypeSupport.need(args, 1, "__getitem__")
            let b = try selfBytes(args, "__getitem__").bytes
            if let sl = TypeSupport.slice(args[1]) {
                let (start, _, step, count) = try TypeSupport.sliceIndices(vm, sl, b.count)
                return .object(PyBytes(TypeSupport.sliceArray(b, start, step, count)))
            }
            if case .object(let o) = args[1], !(o is PyBigInt), o.type.lookup(Names.index) == nil {
                throw PyError.type("byte indices must be integers or slices, not \(args[1].typeName)")
            }
            if case .float = args[1] { throw PyError.type("byte indices must be integers or slices, not float") }
            if args[1].isNone { throw PyError.type("byte indices must be integers or slices, not NoneType") }
            let i = try TypeSupport.seqIndex(vm, args[1], "byte")
            let j = i < 0 ? i + b.count : i
            guard j >= 0 && j < b.count else { throw PyError.index("index out of range") }
            return .int(Int(b[j]))
        }
        t.method("__iter__") { _, args in
            let b = try selfBytes(args, "__iter__").bytes
            var i = 0
            return .object(PyNativeIterator(type: PyType.bytesIterator) { _ in
                guard i < b.count else { return nil }
                i += 1
                return .int(Int(b[i - 1]))
            })
        }
        t.method("__add__") { _, args in
            try TypeSupport.need(args, 1, "__add__")
            let a = try selfBytes(args, "__add__")
            guard let b = BytesSupport.bytes(args[1]) else {
                throw PyError.type("can't concat \(args[1].typeName) to bytes")
            }
            return .object(PyBytes(a.bytes + b))
        }
        for name in ["__mul__", "__rmul__"] {
            t.method(name) { vm, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfBytes(args, name)
                guard let n = try TypeSupport.repeatCount(vm, args[1]) else { return notImplementedValue }
                if n <= 0 { return .object(PyBytes([])) }
                try TypeSupport.checkRepeatSize(a.bytes.count, n)
                var out: [UInt8] = []
                out.reserveCapacity(a.bytes.count * n)
                for _ in 0..<n { out.append(contentsOf: a.bytes) }
                return .object(PyBytes(out))
            }
        }
        let ops: [(String, ComparisonOperatorKind)] = [("__lt__", .lt), ("__le__", .le), ("__eq__", .eq),
                                                        ("__ne__", .ne), ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            t.method(name) { _, args in
                try TypeSupport.need(args, 1, name)
                let a = try selfBytes(args, name).bytes
                guard let b = BytesSupport.bytes(args[1]) else { return notImplementedValue }
                let c = a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
                return comparisonResult(c, op)
            }
        }
        t.method("__contains__") { vm, args in
            try TypeSupport.need(args, 1, "__contains__")
            let a = try selfBytes(args, "__contains__").bytes
            if TypeSupport.pyStr(args[1]) != nil || (!TypeSupport.isIntLike(args[1]) && BytesSupport.bytes(args[1]) == nil) {
                throw PyError.type("a bytes-like object is required, not '\(args[1].typeName)'")
            }
            let n = try BytesSupport.needle(vm, args[1], "in")
            return .bool(StrSupport.find(a, n, 0, a.count) >= 0)
        }
        t.method("decode") { _, args in
            try TypeSupport.check(args, "decode", 0, 2, keywords: ["encoding", "errors"])
            let b = try selfBytes(args, "decode").bytes
            let enc = TypeSupport.arg(args, 1, "encoding").flatMap(TypeSupport.string) ?? "utf-8"
            let errors = TypeSupport.arg(args, 2, "errors").flatMap(TypeSupport.string) ?? "strict"
            return .str(try Codecs.decode(b, encoding: enc, errors: errors))
        }
        t.method("hex") { _, args in
            let b = try selfBytes(args, "hex").bytes
            return .str(b.map { Codecs.hex2($0) }.joined())
        }
        t.classMethod("fromhex") { _, _, args in
            guard let s = args.first.flatMap(TypeSupport.string) else {
                throw PyError.type("fromhex() argument must be str, not \(args.first?.typeName ?? "nothing")")
            }
            var out: [UInt8] = []
            let cs = Array(s.utf8)
            var i = 0
            while i < cs.count {
                if cs[i] == 0x20 { i += 1; continue }
                guard i + 1 < cs.count, let h = hexVal(cs[i]), let l = hexVal(cs[i + 1]) else {
                    throw PyError.value("non-hexadecimal number found in fromhex() arg at position \(i + (i < cs.count && hexVal(cs[i]) != nil ? 1 : 0))")
                }
                out.append(h << 4 | l)
                i += 2
            }
            return .object(PyBytes(out))
        }
        for (name, reverse, raise) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            t.method(name) { vm, args in
                try TypeSupport.check(args, name, 1, 3)
                let b = try selfBytes(args, name).bytes
                let n = try BytesSupport.needle(vm, args[1], name)
                let (s0, e0) = try rangeArgs(vm, args, 2, b.count)
                let (s, e) = TypeSupport.adjust(s0, e0, b.count)
                let r = reverse ? StrSupport.rfind(b, n, s, e) : StrSupport.find(b, n, s, e)
                if r < 0 && raise { throw PyError.value("subsection not found") }
                return .int(r)
            }
        }
        t.method("count") { vm, args in
            try TypeSupport.check(args, "count", 1, 3)
            let b = try selfBytes(args, "count").bytes
            let n = try BytesSupport.needle(vm, args[1], "count")
            let (s0, e0) = try rangeArgs(vm, args, 2, b.count)
            let (s, e) = TypeSupport.adjust(s0, e0, b.count)
            return .int(StrSupport.count(b, n, s, e))
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            t.method(name) { vm, args in
                try TypeSupport.check(args, name, 1, 3)
                let b = try selfBytes(args, name).bytes
                let (s0, e0) = try rangeArgs(vm, args, 2, b.count)
                var cands: [[UInt8]] = []
                if let p = BytesSupport.bytes(args[1]) { cands = [p] }
                else if case .object(let o) = args[1], let tup = o as? PyTuple {
                    for item in tup.items {
                        guard let p = BytesSupport.bytes(item) else {
                            throw PyError.type("a bytes-like object is required, not '\(item.typeName)'")
                        }
                        cands.append(p)
                    }
                } else {
                    throw PyError.type("\(name) first arg must be bytes or a tuple of bytes, not \(args[1].typeName)")
                }
                let (s, e0adj) = TypeSupport.adjust(s0, e0, b.count)
                for p in cands {
                    let e = e0adj - p.count
                    if e < s { continue }
                    let off = atEnd ? e : s
                    if p.isEmpty || b[off..<(off + p.count)].elementsEqual(p) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        t.method("join") { vm, args in
            try TypeSupport.check(args, "join", 1, 1)
            let sep = try selfBytes(args, "join").bytes
            var out: [UInt8] = []
            for (i, item) in try vm.toArray(args[1]).enumerated() {
                guard let p = BytesSupport.bytes(item) else {
                    throw PyError.type("sequence item \(i): expected a bytes-like object, \(item.typeName) found")
                }
                if i > 0 { out.append(contentsOf: sep) }
                out.append(contentsOf: p)
            }
            return .object(PyBytes(out))
        }
        t.method("split") { vm, args in
            try TypeSupport.check(args, "split", 0, 2, keywords: ["sep", "maxsplit"])
            let b = try selfBytes(args, "split").bytes
            var maxcount = try maxsplitArg(vm, args)
            if maxcount < 0 { maxcount = Int.max }
            var out: [Value] = []
            if let sepV = TypeSupport.arg(args, 1, "sep"), !sepV.isNone {
                guard let sep = BytesSupport.bytes(sepV) else {
                    throw PyError.type("a bytes-like object is required, not '\(sepV.typeName)'")
                }
                if sep.isEmpty { throw PyError.value("empty separator") }
                var i = 0
                while maxcount > 0 {
                    maxcount -= 1
                    let pos = StrSupport.find(b, sep, i, b.count)
                    if pos < 0 { break }
                    out.append(.object(PyBytes(Array(b[i..<pos]))))
                    i = pos + sep.count
                }
                out.append(.object(PyBytes(Array(b[i...]))))
                return .object(PyList(out))
            }
            var i = 0
            while maxcount > 0 {
                maxcount -= 1
                while i < b.count && BytesSupport.isSpace(b[i]) { i += 1 }
                if i == b.count { break }
                let j = i
                while i < b.count && !BytesSupport.isSpace(b[i]) { i += 1 }
                out.append(.object(PyBytes(Array(b[j..<i]))))
            }
            while i < b.count && BytesSupport.isSpace(b[i]) { i += 1 }
            if i < b.count { out.append(.object(PyBytes(Array(b[i...])))) }
            return .object(PyList(out))
        }
        for (name, mode) in [("strip", 0), ("lstrip", 1), ("rstrip", 2)] {
            t.method(name) { _, args in
                try TypeSupport.check(args, name, 0, 1)
                let b = try selfBytes(args, name).bytes
                var set: Set<UInt8>? = nil
                if args.count > 1 && !args[1].isNone {
                    guard let cs = BytesSupport.bytes(args[1]) else {
                        throw PyError.type("a bytes-like object is required, not '\(args[1].typeName)'")
                    }
                    set = Set(cs)
                }
                let strip: (UInt8) -> Bool = { set?.contains($0) ?? BytesSupport.isSpace($0) }
                var a = 0, e = b.count
                if mode != 2 { while a < e && strip(b[a]) { a += 1 } }
                if mode != 1 { while e > a && strip(b[e - 1]) { e -= 1 } }
                return .object(PyBytes(Array(b[a..<e])))
            }
        }
        t.method("replace") { vm, args in
            try TypeSupport.check(args, "replace", 2, 3)
            let b = try selfBytes(args, "replace").bytes
            guard let old = BytesSupport.bytes(args[1]), let new = BytesSupport.bytes(args[2]) else {
                throw PyError.type("a bytes-like object is required")
            }
            var maxCount = args.count > 3 ? try TypeSupport.intArg(vm, args[3]) : -1
            if maxCount < 0 { maxCount = Int.max }
            var out: [UInt8] = []
            var i = 0, n = 0
            if old.isEmpty {
                for c in b { if n < maxCount { out += new; n += 1 }; out.append(c) }
                if n < maxCount { out += new }
                return .object(PyBytes(out))
            }
            while n < maxCount {
                let pos = StrSupport.find(b, old, i, b.count)
                if pos < 0 { break }
                out += b[i..<pos]; out += new
                i = pos + old.count; n += 1
            }
            out += b[i...]
            return .object(PyBytes(out))
        }
        t.method("upper") { _, args in
            .object(PyBytes(try selfBytes(args, "upper").bytes.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }))
        }
        t.method("lower") { _, args in
            .object(PyBytes(try selfBytes(args, "lower").bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }))
        }
        for (name, f) in [("isdigit", { (c: UInt8) in c >= 48 && c <= 57 }),
                          ("isalpha", { (c: UInt8) in (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }),
                          ("isspace", BytesSupport.isSpace),
                          ("isalnum", { (c: UInt8) in (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) })] {
            t.method(name) { _, args in
                let b = try selfBytes(args, name).bytes
                return .bool(!b.isEmpty && b.allSatisfy(f))
            }
        }
        t.constructor = { vm, type, args in
            if type !== PyType.bytes { throw PyError.type("subclassing bytes is not supported yet") }
            return try makeBytes(vm, args)
        }
    }

    private static func hexVal(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }

    static func makeBytes(_ vm: VM, _ args: Args) throws -> Value {
        for k in args.kwnames where !["source", "encoding", "errors"].contains(k) {
            throw PyError.type("'\(k)' is an invalid keyword argument for bytes()")
        }
        if args.count > 3 { throw PyError.type("bytes() takes at most 3 arguments (\(args.count) given)") }
        let src = args.get(0, "source")
        let encoding = args.get(1, "encoding")
        let errors = args.get(2, "errors")
        guard let x = src else {
            if encoding != nil { throw PyError.type("encoding without a string argument") }
            if errors != nil { throw PyError.type("errors without a string argument") }
            return .object(PyBytes([]))
        }
        if let s = TypeSupport.pyStr(x) {
            guard let e = encoding else { throw PyError.type("string argument without an encoding") }
            guard let enc = TypeSupport.string(e) else {
                throw PyError.type("bytes() argument 'encoding' must be str, not \(e.typeName)")
            }
            let err = errors.flatMap(TypeSupport.string) ?? "strict"
            return .object(PyBytes(try Codecs.encode(s.value, encoding: enc, errors: err)))
        }
        if encoding != nil { throw PyError.type("encoding without a string argument") }
        if errors != nil { throw PyError.type("errors without a string argument") }
        if BytesSupport.bytes(x) != nil { return x }
        if TypeSupport.isIntLike(x) || (x.asObject != nil && x.type.lookup(Names.index) != nil) {
            let n = try vm.index(x)
            if n < 0 { throw PyError.value("negative count") }
            return .object(PyBytes([UInt8](repeating: 0, count: n)))
        }
        return .object(PyBytes(try BytesSupport.bytesFromIterable(vm, x)))
    }
}
