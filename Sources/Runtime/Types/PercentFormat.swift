import BigInt

/// `str % args` (CPython's `PyUnicode_Format`): `%[(key)][flags][width][.precision][length]type` with
/// types `s r a d i u o x X e E f F g G c %`.
enum PercentFormat {
    static func format(_ vm: VM, _ fmt: String, _ args: Value) throws -> String {
        let f = Array(fmt.unicodeScalars)
        var tupleItems: [Value]? = nil
        if case .object(let o) = args, let t = o as? PyTuple { tupleItems = t.items }
        var arglen = tupleItems?.count ?? -1
        var argidx = tupleItems == nil ? -2 : 0
        var current = args
        var dict: Value? = nil
        if tupleItems == nil, case .object(let o) = args, !(o is PyStr), o.type.lookup(Names.getitem) != nil {
            dict = args
        }
        func nextArg() throws -> Value {
            if argidx < arglen {
                argidx += 1
                if arglen < 0 { return current }
                return tupleItems![argidx - 1]
            }
            throw PyError.type("not enough arguments for format string")
        }

        var out = String.UnicodeScalarView()
        var i = 0
        let n = f.count
        while i < n {
            let c = f[i]
            if c != "%" {
                var j = i
                while j < n && f[j] != "%" { j += 1 }
                out.append(contentsOf: f[i..<j])
                i = j
                continue
            }
            i += 1
            if i >= n { throw PyError.value("incomplete format") }
            // Mapping key.
            if f[i] == "(" {
                guard let d = dict else { throw PyError.type("format requires a mapping") }
                var depth = 1
                i += 1
                let start = i
                while i < n && depth > 0 {
                    if f[i] == "(" { depth += 1 } else if f[i] == ")" { depth -= 1 }
                    i += 1
                }
                if depth > 0 { throw PyError.value("incomplete format key") }
                var key = String.UnicodeScalarView()
                key.append(contentsOf: f[start..<(i - 1)])
                current = try vm.getItem(d, .str(String(key)))
                arglen = -1
                argidx = -2
                tupleItems = nil
            }
            // Flags.
            var ljust = false, sign = false, blank = false, alt = false, zero = false
            flagLoop: while i < n {
                switch f[i] {
                case "-": ljust = true
                case "+": sign = true
                case " ": blank = true
                case "#": alt = true
                case "0": zero = true
                default: break flagLoop
                }
                i += 1
            }
            // Width.
            var width = -1
            if i < n && f[i] == "*" {
                let w = try nextArg()
                guard let wi = TypeSupport.smallInt(w) else { throw PyError.type("* wants int") }
                width = wi
                if width < 0 { ljust = true; width = -width }
                i += 1
            } else {
                while i < n, let d = asciiDigit(f[i]) {
                    width = (width < 0 ? 0 : width) * 10 + d
                    i += 1
                }
            }
            // Precision.
            var prec = -1
            if i < n && f[i] == "." {
                i += 1
                prec = 0
                if i < n && f[i] == "*" {
                    let p = try nextArg()
                    guard let pi = TypeSupport.smallInt(p) else { throw PyError.type("* wants int") }
                    prec = Swift.max(pi, 0)
                    i += 1
                } else {
                    while i < n, let d = asciiDigit(f[i]) { prec = prec * 10 + d; i += 1 }
                }
            }
            while i < n && (f[i] == "h" || f[i] == "l" || f[i] == "L") { i += 1 }
            if i >= n { throw PyError.value("incomplete format") }
            let type = f[i]
            i += 1
            if type == "%" { out.append("%"); continue }
            let v = try nextArg()
            var text: String
            var numeric = false
            var signChar = ""
            var prefix = ""
            switch type {
            case "s": text = try vm.str(v)
            case "r": text = try vm.repr(v)
            case "a": text = StrFormat.ascii(try vm.repr(v))
            case "c":
                text = try charArg(v)
            case "d", "i", "u", "o", "x", "X":
                numeric = true
                let big = try intArg(vm, v, type)
                let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
                text = String(big.magnitude, radix: radix, uppercase: type == "X")
                if prec > text.count { text = String(repeating: "0", count: prec - text.count) + text }
                if alt && radix != 10 { prefix = type == "o" ? "0o" : (type == "x" ? "0x" : "0X") }
                if big.sign == .minus && !big.isZero { signChar = "-" }
            case "e", "E", "f", "F", "g", "G":
                numeric = true
                let d = try floatArg(vm, v)
                text = FloatRepr.format(d, type: Character(type), precision: prec < 0 ? 6 : prec, alternate: alt)
                if text.hasPrefix("-") { signChar = "-"; text.removeFirst() }
            default:
                let ch = type.value >= 0x20 && type.value < 0x7f ? String(Character(type)) : "?"
                throw PyError.value("unsupported format character '\(ch)' (0x\(String(type.value, radix: 16))) at index \(i - 1)")
            }
            if !numeric {
                if prec >= 0 && (type == "s" || type == "r" || type == "a") {
                    text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(prec)))
                }
                let len = text.unicodeScalars.count
                let pad = width > len ? width - len : 0
                if ljust { out.append(contentsOf: text.unicodeScalars); for _ in 0..<pad { out.append(" ") } }
                else { for _ in 0..<pad { out.append(" ") }; out.append(contentsOf: text.unicodeScalars) }
                continue
            }
            if signChar.isEmpty { signChar = sign ? "+" : (blank ? " " : "") }
            let len = signChar.count + prefix.count + text.count
            let pad = width > len ? width - len : 0
            var piece = ""
            if ljust { piece = signChar + prefix + text + String(repeating: " ", count: pad) }
            else if zero { piece = signChar + prefix + String(repeating: "0", count: pad) + text }
            else { piece = String(repeating: " ", count: pad) + signChar + prefix + text }
            out.append(contentsOf: piece.unicodeScalars)
        }
        if argidx < arglen && dict == nil {
            throw PyError.type("not all arguments converted during string formatting")
        }
        return String(out)
    }

    private static func asciiDigit(_ u: Unicode.Scalar) -> Int? {
        u.value >= 48 && u.value <= 57 ? Int(u.value) - 48 : nil
    }

    private static func isNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .bool, .float: return true
        case .object(let o):
            if o is PyBigInt { return true }
            let t = o.type
            return t.lookup(Names.index) != nil || t.lookup(Names.int) != nil || t.lookup(Names.float) != nil
        default: return false
        }
    }

    private static func intArg(_ vm: VM, _ v: Value, _ type: Unicode.Scalar) throws -> BigInt {
        let wrong: PyError = (type == "o" || type == "x" || type == "X")
            ? PyError.type("%\(Character(type)) format: an integer is required, not \(v.typeName)")
            : PyError.type("%\(Character(type)) format: a real number is required, not \(v.typeName)")
        if let b = IntMath.big(v) { return b }
        guard isNumber(v) else { throw wrong }
        do {
            if type == "o" || type == "x" || type == "X" {
                if case .float = v { throw wrong }
                guard let r = try vm.callSpecial(v, Names.index), let b = IntMath.big(r) else { throw wrong }
                return b
            }
            return IntMath.big(try RuntimeSetup.toInt(vm, v))!
        } catch let e as PyError where e.exception.isInstance(of: .typeError) {
            throw wrong
        }
    }

    private static func floatArg(_ vm: VM, _ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return try IntMath.toDouble(b.value) }
            if o.type.lookup(Names.float) != nil || o.type.lookup(Names.index) != nil {
                return try RuntimeSetup.toFloat(vm, v)
            }
        default: break
        }
        throw PyError.type("must be real number, not \(v.typeName)")
    }

    private static func charArg(_ v: Value) throws -> String {
        if let s = TypeSupport.pyStr(v) {
            if s.count == 1 { return s.value }
            throw PyError.type("%c requires int or char")
        }
        guard let b = IntMath.big(v) else { throw PyError.type("%c requires int or char") }
        guard let x = Int(exactly: b), x >= 0, x < 0x110000 else {
            throw PyError.overflow("%c arg not in range(0x110000)")
        }
        return String(Unicode.Scalar(UInt32(x)) ?? "\u{FFFD}")
    }
}
