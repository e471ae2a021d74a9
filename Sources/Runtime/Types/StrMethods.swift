/// `str` methods: splitting, joining, stripping, searching, replacing, partitioning.
struct StrUnits {
    let ascii: [UInt8]?
    let wide: [UInt32]?
    let count: Int

    init(_ s: PyStr) {
        if s.isASCII { ascii = Array(s.value.utf8); wide = nil } else { ascii = nil; wide = StrSupport.cps(s) }
        count = s.count
    }

    @inline(__always) subscript(i: Int) -> UInt32 {
        if let a = ascii { return UInt32(a[i]) }
        return wide![i]
    }

    var asWide: [UInt32] { wide ?? ascii!.map { UInt32($0) } }

    func piece(_ a: Int, _ b: Int) -> Value {
        if a >= b { return .object(StrSupport.empty) }
        if let x = ascii {
            if b - a == 1 { return .object(StrSupport.asciiChars[Int(x[a])]) }
            return .object(PyStr(ascii: StrSupport.string(x[a..<b])))
        }
        return .object(PyStr(StrSupport.string(wide![a..<b])))
    }

    func text(_ a: Int, _ b: Int) -> String {
        if a >= b { return "" }
        if let x = ascii { return StrSupport.string(x[a..<b]) }
        return StrSupport.string(wide![a..<b])
    }

    /// Finds `n` in `self[start..<end]`.
    func find(_ n: StrUnits, _ start: Int, _ end: Int, reverse: Bool = false) -> Int {
        if let h = ascii, let nn = n.ascii {
            return reverse ? StrSupport.rfind(h, nn, start, end) : StrSupport.find(h, nn, start, end)
        }
        if ascii != nil && n.ascii == nil { return -1 }
        let h = asWide, nn = n.asWide
        return reverse ? StrSupport.rfind(h, nn, start, end) : StrSupport.find(h, nn, start, end)
    }

    @inline(__always) func isSpace(_ i: Int) -> Bool {
        let c = self[i]
        if c < 128 { return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) }
        return StrSupport.isSpace(Unicode.Scalar(c)!)
    }
}

extension RuntimeSetup {
    /// A str argument, with CPython's "must be str, not int" TypeError.
    static func strArg(_ v: Value, _ what: String = "must be str") throws -> PyStr {
        if let s = TypeSupport.pyStr(v) { return s }
        throw PyError.type("\(what), not \(v.typeName)")
    }

    /// `(start, end)` arguments of find/count/startswith (positions `i` and `i+1` after self).
    static func rangeArgs(_ vm: VM, _ args: Args, _ i: Int, _ len: Int) throws -> (Int, Int) {
        let s = try TypeSupport.boundArg(vm, i < args.count ? args[i] : nil, 0)
        let e = try TypeSupport.boundArg(vm, i + 1 < args.count ? args[i + 1] : nil, Int.max)
        return (s, e)
    }

    static func maxsplitArg(_ vm: VM, _ args: Args) throws -> Int {
        guard let m = TypeSupport.arg(args, 2, "maxsplit") else { return -1 }
        return try TypeSupport.intArg(vm, m)
    }

    static func splitWhitespace(_ u: StrUnits, _ maxsplit: Int) -> [Value] {
        var out: [Value] = []
        var maxcount = maxsplit < 0 ? Int.max : maxsplit
        let n = u.count
        var i = 0
        while maxcount > 0 {
            maxcount -= 1
            while i < n && u.isSpace(i) { i += 1 }
            if i == n { break }
            let j = i
            i += 1
            while i < n && !u.isSpace(i) { i += 1 }
            out.append(u.piece(j, i))
        }
        if i < n {
            while i < n && u.isSpace(i) { i += 1 }
            if i != n { out.append(u.piece(i, n)) }
        }
        return out
    }

    static func rsplitWhitespace(_ u: StrUnits, _ maxsplit: Int) -> [Value] {
        var out: [Value] = []
        var maxcount = maxsplit < 0 ? Int.max : maxsplit
        var i = u.count - 1
        while maxcount > 0 {
            maxcount -= 1
            while i >= 0 && u.isSpace(i) { i -= 1 }
            if i < 0 { break }
            let j = i
            i -= 1
            while i >= 0 && !u.isSpace(i) { i -= 1 }
            out.append(u.piece(i + 1, j + 1))
        }
        if i >= 0 {
            while i >= 0 && u.isSpace(i) { i -= 1 }
            if i >= 0 { out.append(u.piece(0, i + 1)) }
        }
        return out.reversed()
    }

    static func installStrMethods(_ t: PyType) {
        t.strMethod("split") { vm, s, args in
            try TypeSupport.check(args, "split", 0, 2, keywords: ["sep", "maxsplit"])
            let maxsplit = try maxsplitArg(vm, args)
            guard let sepV = TypeSupport.arg(args, 1, "sep"), !sepV.isNone else {
                if s.isASCII { return .object(PyList(StrASCII.splitWhitespace(s, maxsplit))) }
                return .object(PyList(splitWhitespace(StrUnits(s), maxsplit)))
            }
            let sep = try strArg(sepV, "must be str or None")
            if sep.count == 0 { throw PyError.value("empty separator") }
            if s.isASCII && sep.isASCII { return .object(PyList(StrASCII.split(s, sep, maxsplit))) }
            let u = StrUnits(s)
            let su = StrUnits(sep)
            var out: [Value] = []
            var maxcount = maxsplit < 0 ? Int.max : maxsplit
            var i = 0
            while maxcount > 0 {
                maxcount -= 1
                let pos = u.find(su, i, u.count)
                if pos < 0 { break }
                out.append(u.piece(i, pos))
                i = pos + su.count
            }
            out.append(i == 0 ? .object(s) : u.piece(i, u.count))
            return .object(PyList(out))
        }
        t.strMethod("rsplit") { vm, s, args in
            try TypeSupport.check(args, "rsplit", 0, 2, keywords: ["sep", "maxsplit"])
            let maxsplit = try maxsplitArg(vm, args)
            let u = StrUnits(s)
            guard let sepV = TypeSupport.arg(args, 1, "sep"), !sepV.isNone else {
                return .object(PyList(rsplitWhitespace(u, maxsplit)))
            }
            let sep = try strArg(sepV, "must be str or None")
            if sep.count == 0 { throw PyError.value("empty separator") }
            let su = StrUnits(sep)
            var out: [Value] = []
            var maxcount = maxsplit < 0 ? Int.max : maxsplit
            var j = u.count
            while maxcount > 0 {
                maxcount -= 1
                let pos = u.find(su, 0, j, reverse: true)
                if pos < 0 { break }
                out.append(u.piece(pos + su.count, j))
                j = pos
            }
            out.append(j == u.count ? .object(s) : u.piece(0, j))
            return .object(PyList(out.reversed()))
        }
        t.strMethod("splitlines") { vm, s, args in
            try TypeSupport.check(args, "splitlines", 0, 1, keywords: ["keepends"])
            let keepends = try TypeSupport.arg(args, 1, "keepends").map { try vm.truthy($0) } ?? false
            let u = StrUnits(s)
            let len = u.count
            var out: [Value] = []
            var i = 0, j = 0
            while i < len {
                while i < len && !StrSupport.isLineBreak(u[i]) { i += 1 }
                var eol = i
                if i < len {
                    if u[i] == 13 && i + 1 < len && u[i + 1] == 10 { i += 2 } else { i += 1 }
                    if keepends { eol = i }
                }
                out.append(u.piece(j, eol))
                j = i
            }
            return .object(PyList(out))
        }
        t.strMethod("join") { vm, s, args in
            try TypeSupport.check(args, "join", 1, 1)
            let items: [Value]
            do {
                items = try vm.toArray(args[1])
            } catch let e as PyError where e.exception.isInstance(of: .typeError)
                        && args[1].type.lookup(Names.iter) == nil && args[1].type.lookup(Names.getitem) == nil {
                throw PyError.type("can only join an iterable")
            }
            if items.count == 1, let only = TypeSupport.pyStr(items[0]) { return .object(only) }
            return try StrASCII.join(s, items)
        }
        for (name, mode) in [("strip", 0), ("lstrip", 1), ("rstrip", 2)] {
            t.strMethod(name) { _, s, args in
                try TypeSupport.check(args, name, 0, 1)
                if s.isASCII && (args.count == 1 || args[1].isNone) { return StrASCII.strip(s, mode) }
                let u = StrUnits(s)
                var a = 0, b = u.count
                if args.count > 1 && !args[1].isNone {
                    guard let cs = TypeSupport.pyStr(args[1]) else {
                        throw PyError.type("\(name) arg must be None or str")
                    }
                    let set = Set(StrSupport.cps(cs))
                    if mode != 2 { while a < b && set.contains(u[a]) { a += 1 } }
                    if mode != 1 { while b > a && set.contains(u[b - 1]) { b -= 1 } }
                } else {
                    if mode != 2 { while a < b && u.isSpace(a) { a += 1 } }
                    if mode != 1 { while b > a && u.isSpace(b - 1) { b -= 1 } }
                }
                if a == 0 && b == u.count { return .object(s) }
                return u.piece(a, b)
            }
        }
        t.strMethod("replace") { vm, s, args in
            try TypeSupport.check(args, "replace", 2, 3)
            let old = try strArg(args[1], "replace() argument 1 must be str")
            let new = try strArg(args[2], "replace() argument 2 must be str")
            let count = args.count > 3 ? try TypeSupport.intArg(vm, args[3]) : -1
            return .object(strReplace(s, old, new, count))
        }
        for (name, reverse, raise) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            t.strMethod(name) { vm, s, args in
                try TypeSupport.check(args, name, 1, 3)
                let sub = try strArg(args[1])
                let (a, b) = try rangeArgs(vm, args, 2, s.count)
                let r = StrSupport.find(s, sub, a, b, reverse: reverse)
                if r < 0 && raise { throw PyError.value("substring not found") }
                return .int(r)
            }
        }
        t.strMethod("count") { vm, s, args in
            try TypeSupport.check(args, "count", 1, 3)
            let sub = try strArg(args[1])
            let (a, b) = try rangeArgs(vm, args, 2, s.count)
            return .int(StrSupport.count(s, sub, a, b))
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            t.strMethod(name) { vm, s, args in
                try TypeSupport.check(args, name, 1, 3)
                let (a, b) = try rangeArgs(vm, args, 2, s.count)
                let candidates: [PyStr]
                if let p = TypeSupport.pyStr(args[1]) {
                    if s.isASCII && p.isASCII {
                        let (sa, sb) = TypeSupport.adjust(a, b, s.count)
                        return .bool(StrASCII.tailMatch(s, p, sa, sb, atEnd: atEnd))
                    }
                    candidates = [p]
                } else if case .object(let o) = args[1], let tup = o as? PyTuple {
                    candidates = try tup.items.map { item in
                        guard let p = TypeSupport.pyStr(item) else {
                            throw PyError.type("tuple for \(name) must only contain str, not \(item.typeName)")
                        }
                        return p
                    }
                } else {
                    throw PyError.type("\(name) first arg must be str or a tuple of str, not \(args[1].typeName)")
                }
                let u = StrUnits(s)
                for p in candidates where tailMatch(u, StrUnits(p), a, b, atEnd: atEnd) { return .bool(true) }
                return .bool(false)
            }
        }
        for (name, reverse) in [("partition", false), ("rpartition", true)] {
            t.strMethod(name) { _, s, args in
                try TypeSupport.check(args, name, 1, 1)
                let sep = try strArg(args[1])
                if sep.count == 0 { throw PyError.value("empty separator") }
                let u = StrUnits(s), su = StrUnits(sep)
                let pos = u.find(su, 0, u.count, reverse: reverse)
                let empty = Value.object(StrSupport.empty)
                if pos < 0 {
                    return .object(PyTuple(reverse ? [empty, empty, .object(s)] : [.object(s), empty, empty]))
                }
                return .object(PyTuple([u.piece(0, pos), .object(sep), u.piece(pos + su.count, u.count)]))
            }
        }
        t.strMethod("removeprefix") { _, s, args in
            try TypeSupport.check(args, "removeprefix", 1, 1)
            let p = try strArg(args[1], "removeprefix() argument must be str")
            let u = StrUnits(s)
            if p.count > 0 && tailMatch(u, StrUnits(p), 0, u.count, atEnd: false) { return u.piece(p.count, u.count) }
            return .object(s)
        }
        t.strMethod("removesuffix") { _, s, args in
            try TypeSupport.check(args, "removesuffix", 1, 1)
            let p = try strArg(args[1], "removesuffix() argument must be str")
            let u = StrUnits(s)
            if p.count > 0 && tailMatch(u, StrUnits(p), 0, u.count, atEnd: true) { return u.piece(0, u.count - p.count) }
            return .object(s)
        }
    }

    /// CPython's `tailmatch`.
    static func tailMatch(_ u: StrUnits, _ p: StrUnits, _ start: Int, _ end: Int, atEnd: Bool) -> Bool {
        var (s, e) = TypeSupport.adjust(start, end, u.count)
        e -= p.count
        if e < s { return false }
        if p.count == 0 { return true }
        let off = atEnd ? e : s
        for k in 0..<p.count where u[off + k] != p[k] { return false }
        return true
    }

    static func strReplace(_ s: PyStr, _ old: PyStr, _ new: PyStr, _ count: Int) -> PyStr {
        let maxCount = count < 0 ? Int.max : count
        if maxCount == 0 { return s }
        if s.isASCII && old.isASCII && old.count > 0 { return StrASCII.replace(s, old, new, maxCount) }
        if s.isASCII && !old.isASCII { return s }
        let u = StrUnits(s)
        if old.count == 0 {
            var out = ""
            var n = 0
            for i in 0..<u.count {
                if n < maxCount { out += new.value; n += 1 }
                out += u.text(i, i + 1)
            }
            if n < maxCount { out += new.value }
            return PyStr(out)
        }
        let ou = StrUnits(old)
        var out = ""
        var i = 0, n = 0
        while n < maxCount {
            let pos = u.find(ou, i, u.count)
            if pos < 0 { break }
            out += u.text(i, pos)
            out += new.value
            i = pos + ou.count
            n += 1
        }
        if n == 0 { return s }
        out += u.text(i, u.count)
        return PyStr(out)
    }
}
