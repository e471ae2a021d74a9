/// `str` methods: case conversion, predicates, padding, tabs, encoding, translation, formatting.
extension RuntimeSetup {
    static func installStrMethods2(_ t: PyType) {
        t.strMethod("upper") { _, s, args in
            if s.isASCII { return StrASCII.changeCase(s, upper: true) }
            return StrSupport.make(s.value.uppercased())
        }
        t.strMethod("lower") { _, s, args in
            if s.isASCII { return StrASCII.changeCase(s, upper: false) }
            return StrSupport.make(s.value.lowercased())
        }
        t.strMethod("casefold") { _, s, args in
            if s.isASCII { return StrSupport.make(s.value.lowercased()) }
            var out = ""
            for u in s.value.unicodeScalars {
                switch u.value {
                case 0xdf, 0x1e9e: out += "ss"
                case 0x3c2: out += "\u{3c3}"
                default: out += StrSupport.lower(u)
                }
            }
            return StrSupport.make(out)
        }
        t.strMethod("swapcase") { _, s, args in
            var out = ""
            for u in s.value.unicodeScalars {
                if StrSupport.isUpper(u) { out += StrSupport.lower(u) }
                else if StrSupport.isLower(u) { out += StrSupport.upper(u) }
                else { out.unicodeScalars.append(u) }
            }
            return StrSupport.make(out)
        }
        t.strMethod("title") { _, s, args in
            var out = ""
            var previousCased = false
            for u in s.value.unicodeScalars {
                out += previousCased ? StrSupport.lower(u) : StrSupport.title(u)
                previousCased = StrSupport.isCased(u)
            }
            return StrSupport.make(out)
        }
        t.strMethod("capitalize") { _, s, args in
            var out = ""
            var first = true
            for u in s.value.unicodeScalars {
                out += first ? StrSupport.title(u) : StrSupport.lower(u)
                first = false
            }
            return StrSupport.make(out)
        }
        func predicate(_ name: String, emptyResult: Bool = false, _ f: @escaping (Unicode.Scalar) -> Bool) {
            t.strMethod(name) { _, s, args in
                if s.count == 0 { return .bool(emptyResult) }
                for u in s.value.unicodeScalars where !f(u) { return .bool(false) }
                return .bool(true)
            }
        }
        predicate("isdigit", StrSupport.isDigit)
        predicate("isdecimal", StrSupport.isDecimal)
        predicate("isnumeric", StrSupport.isNumeric)
        predicate("isalpha", StrSupport.isAlpha)
        predicate("isalnum", StrSupport.isAlnum)
        predicate("isspace", StrSupport.isSpace)
        predicate("isascii", emptyResult: true) { $0.value < 128 }
        predicate("isprintable", emptyResult: true, Repr.isPrintable)
        t.strMethod("isupper") { _, s, args in
            var cased = false
            for u in s.value.unicodeScalars {
                if StrSupport.isLower(u) || StrSupport.isTitle(u) { return .bool(false) }
                if StrSupport.isUpper(u) { cased = true }
            }
            return .bool(cased)
        }
        t.strMethod("islower") { _, s, args in
            var cased = false
            for u in s.value.unicodeScalars {
                if StrSupport.isUpper(u) || StrSupport.isTitle(u) { return .bool(false) }
                if StrSupport.isLower(u) { cased = true }
            }
            return .bool(cased)
        }
        t.strMethod("istitle") { _, s, args in
            var cased = false, previousCased = false
            for u in s.value.unicodeScalars {
                if StrSupport.isUpper(u) || StrSupport.isTitle(u) {
                    if previousCased { return .bool(false) }
                    previousCased = true; cased = true
                } else if StrSupport.isLower(u) {
                    if !previousCased { return .bool(false) }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(cased)
        }
        t.strMethod("isidentifier") { _, s, args in
            var first = true
            for u in s.value.unicodeScalars {
                if first {
                    if !(u == "_" || u.properties.isXIDStart) { return .bool(false) }
                    first = false
                } else if !u.properties.isXIDContinue {
                    return .bool(false)
                }
            }
            return .bool(!first)
        }
        for (name, mode) in [("center", 0), ("ljust", 1), ("rjust", 2)] {
            t.strMethod(name) { vm, s, args in
                try TypeSupport.check(args, name, 1, 2)
                let width = try TypeSupport.intArg(vm, args[1])
                var fill = " "
                if args.count > 2 {
                    guard let f = TypeSupport.pyStr(args[2]) else {
                        throw PyError.type("\(name)() argument 2 must be str, not \(args[2].typeName)")
                    }
                    if f.count != 1 { throw PyError.type("The fill character must be exactly one character long") }
                    fill = f.value
                }
                if s.count >= width { return .object(s) }
                let marg = width - s.count
                let left: Int
                switch mode {
                case 0: left = marg / 2 + (marg & width & 1)
                case 1: left = 0
                default: left = marg
                }
                return .str(String(repeating: fill, count: left) + s.value + String(repeating: fill, count: marg - left))
            }
        }
        t.strMethod("zfill") { vm, s, args in
            try TypeSupport.check(args, "zfill", 1, 1)
            let width = try TypeSupport.intArg(vm, args[1])
            if s.count >= width { return .object(s) }
            let fill = width - s.count
            var body = s.value
            var sign = ""
            if let f = body.unicodeScalars.first, f == "+" || f == "-" {
                sign = String(f)
                body = String(body.unicodeScalars.dropFirst())
            }
            return .str(sign + String(repeating: "0", count: fill) + body)
        }
        t.strMethod("expandtabs") { vm, s, args in
            try TypeSupport.check(args, "expandtabs", 0, 1, keywords: ["tabsize"])
            let tabsize = try TypeSupport.arg(args, 1, "tabsize").map { try TypeSupport.intArg(vm, $0) } ?? 8
            var out = String.UnicodeScalarView()
            var col = 0
            for u in s.value.unicodeScalars {
                if u == "\t" {
                    if tabsize > 0 {
                        let incr = tabsize - (col % tabsize)
                        col += incr
                        for _ in 0..<incr { out.append(" ") }
                    }
                } else {
                    col += 1
                    out.append(u)
                    if u == "\n" || u == "\r" { col = 0 }
                }
            }
            return .str(String(out))
        }
        t.strMethod("encode") { _, s, args in
            try TypeSupport.check(args, "encode", 0, 2, keywords: ["encoding", "errors"])
            let enc = try TypeSupport.arg(args, 1, "encoding").map { v -> String in
                guard let e = TypeSupport.string(v) else {
                    throw PyError.type("encode() argument 'encoding' must be str, not \(v.typeName)")
                }
                return e
            } ?? "utf-8"
            let errors = try TypeSupport.arg(args, 2, "errors").map { v -> String in
                guard let e = TypeSupport.string(v) else {
                    throw PyError.type("encode() argument 'errors' must be str, not \(v.typeName)")
                }
                return e
            } ?? "strict"
            return .object(PyBytes(try Codecs.encode(s.value, encoding: enc, errors: errors)))
        }
        t.staticMethod("maketrans") { vm, args in
            try Args(args.positional).check("maketrans", min: 1, max: 3)
            let result = PyDict()
            if args.count == 1 {
                guard case .object(let o) = args[0], let d = o as? PyDict else {
                    throw PyError.type("if you give only one argument to maketrans it must be a dict")
                }
                for (k, v) in d.items {
                    if let ks = TypeSupport.pyStr(k) {
                        if ks.count != 1 { throw PyError.value("string keys in translate table must be of length 1") }
                        try result.set(.int(Int(ks.value.unicodeScalars.first!.value)), v, vm: vm)
                    } else if TypeSupport.isIntLike(k) {
                        try result.set(k, v, vm: vm)
                    } else {
                        throw PyError.type("keys in translate table must be strings or integers")
                    }
                }
                return .object(result)
            }
            guard let x = TypeSupport.pyStr(args[0]) else {
                throw PyError.type("maketrans() argument 1 must be str, not \(args[0].typeName)")
            }
            guard let y = TypeSupport.pyStr(args[1]) else {
                throw PyError.type("maketrans() argument 2 must be str, not \(args[1].typeName)")
            }
            if x.count != y.count { throw PyError.value("the first two maketrans arguments must have equal length") }
            for (a, b) in zip(x.value.unicodeScalars, y.value.unicodeScalars) {
                try result.set(.int(Int(a.value)), .int(Int(b.value)), vm: vm)
            }
            if args.count == 3 {
                guard let z = TypeSupport.pyStr(args[2]) else {
                    throw PyError.type("maketrans() argument 3 must be str, not \(args[2].typeName)")
                }
                for c in z.value.unicodeScalars { try result.set(.int(Int(c.value)), .none, vm: vm) }
            }
            return .object(result)
        }
        t.strMethod("translate") { vm, s, args in
            try TypeSupport.check(args, "translate", 1, 1)
            let table = args[1]
            var out = String.UnicodeScalarView()
            var cache: [UInt32: Value?] = [:]
            for u in s.value.unicodeScalars {
                let mapped: Value?
                if let c = cache[u.value] {
                    mapped = c
                } else {
                    do {
                        mapped = try vm.getItem(table, .int(Int(u.value)))
                    } catch let e as PyError where e.exception.isInstance(of: .lookupError) {
                        mapped = nil
                    }
                    cache[u.value] = mapped
                }
                guard let m = mapped else { out.append(u); continue }
                switch m {
                case .none: break
                case .int(let n):
                    guard n >= 0 && n < 0x110000, let c = Unicode.Scalar(UInt32(n)) else {
                        throw PyError.value("character mapping must be in range(0x110000)")
                    }
                    out.append(c)
                default:
                    if let ms = TypeSupport.pyStr(m) { out.append(contentsOf: ms.value.unicodeScalars) }
                    else { throw PyError.type("character mapping must return integer, None or str") }
                }
            }
            return .str(String(out))
        }
        t.strMethod("format") { vm, s, args in
            let kw = PyDict()
            for (k, v) in zip(args.kwnames, args.kwvalues) { kw.setStr(k, v) }
            return .str(try StrFormat.format(vm, s.value, Array(args.positional.dropFirst()), .object(kw)))
        }
        t.strMethod("format_map") { vm, s, args in
            try TypeSupport.check(args, "format_map", 1, 1)
            return .str(try StrFormat.format(vm, s.value, nil, args[1]))
        }
    }
}
