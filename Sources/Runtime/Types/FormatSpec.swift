import BigInt

/// The format-spec mini-language (`format(x, spec)`, f-strings, `str.format`), as CPython's
/// Python/formatter_unicode.c: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var sign: Unicode.Scalar? = nil
    var noNegZero = false
    var alternate = false
    var width = -1
    /// "," or "_" (nil: no grouping).
    var grouping: Unicode.Scalar? = nil
    /// Group size: 3, or 4 for `_` with b/o/x/X.
    var groupSize = 3
    var precision = -1
    var type: Unicode.Scalar?

    static func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

    /// Parses `spec`; `defaultType` nil for floats, `defaultAlign` '<' for strings and '>' for numbers.
    static func parse(_ spec: String, typeName: String, defaultType: Unicode.Scalar?,
                      defaultAlign: Unicode.Scalar) throws -> FormatSpec {
        var f = FormatSpec(align: defaultAlign, type: defaultType)
        let s = Array(spec.unicodeScalars)
        var pos = 0
        let end = s.count
        var fillSpecified = false, alignSpecified = false
        if end - pos >= 2 && isAlign(s[pos + 1]) {
            f.align = s[pos + 1]; f.fill = s[pos]
            fillSpecified = true; alignSpecified = true
            pos += 2
        } else if end - pos >= 1 && isAlign(s[pos]) {
            f.align = s[pos]; alignSpecified = true
            pos += 1
        }
        if pos < end && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") { f.sign = s[pos]; pos += 1 }
        if pos < end && s[pos] == "z" { f.noNegZero = true; pos += 1 }
        if pos < end && s[pos] == "#" { f.alternate = true; pos += 1 }
        if !fillSpecified && pos < end && s[pos] == "0" {
            f.fill = "0"
            if !alignSpecified && defaultAlign == ">" { f.align = "=" }
            pos += 1
        }
        if let w = try integer(s, &pos) { f.width = w }
        if pos < end && s[pos] == "," { f.grouping = ","; pos += 1 }
        if pos < end && s[pos] == "_" {
            if f.grouping != nil { throw PyError.value("Cannot specify both ',' and '_'.") }
            f.grouping = "_"; pos += 1
        }
        if pos < end && s[pos] == "," {
            if f.grouping == "_" { throw PyError.value("Cannot specify both ',' and '_'.") }
        }
        if pos < end && s[pos] == "." {
            pos += 1
            guard let p = try integer(s, &pos) else { throw PyError.value("Format specifier missing precision") }
            f.precision = p
        }
        if end - pos > 1 {
            throw PyError.value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 { f.type = s[pos] }
        if let g = f.grouping {
            switch f.type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b", "o", "x", "X":
                if g != "_" { throw PyError.value("Cannot specify '\(g)' with \(describe(f.type!)).") }
                f.groupSize = 4
            default:
                throw PyError.value("Cannot specify '\(g)' with \(describe(f.type!)).")
            }
        }
        return f
    }

    private static func describe(_ c: Unicode.Scalar) -> String {
        if c.value >= 0x20 && c.value < 0x7f { return "'\(Character(c))'" }
        return "'\\x\(String(c.value, radix: 16))'"
    }

    static func unknownCode(_ c: Unicode.Scalar, _ typeName: String) -> PyError {
        if c.value >= 0x20 && c.value < 0x7f {
            return PyError.value("Unknown format code '\(Character(c))' for object of type '\(typeName)'")
        }
        return PyError.value("Unknown format code '\\x\(String(c.value, radix: 16))' for object of type '\(typeName)'")
    }

    private static func integer(_ s: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
        var v = 0, n = 0
        while pos < s.count, let d = s[pos].properties.numericType == .decimal ? s[pos].properties.numericValue : nil {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 || a > Int(Int32.max) { throw PyError.value("Too many decimal digits in format string") }
            v = a; pos += 1; n += 1
        }
        return n == 0 ? nil : v
    }

    // MARK: layout

    /// Inserts separators every `size` digits, padding with zeros to `minWidth` (CPython's
    /// `_PyUnicode_InsertThousandsGrouping` with a repeating group size).
    static func group(_ digits: [Unicode.Scalar], sep: Unicode.Scalar?, size: Int, minWidth: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []  // built reversed
        var remaining = digits.count
        var minW = minWidth
        var idx = digits.count
        var useSep = false
        var broken = false
        func emit(_ l: Int) {
            let zeros = Swift.max(0, l - remaining)
            let chars = Swift.max(0, Swift.min(remaining, l))
            if useSep, let s = sep { out.append(s) }
            for _ in 0..<chars { idx -= 1; out.append(digits[idx]) }
            for _ in 0..<zeros { out.append("0") }
            remaining -= chars
        }
        if sep != nil {
            while true {
                let l = Swift.min(size, Swift.max(Swift.max(remaining, minW), 1))
                emit(l)
                useSep = true
                minW -= l
                if remaining <= 0 && minW <= 0 { broken = true; break }
                minW -= 1
            }
        }
        if !broken {
            let l = Swift.max(Swift.max(remaining, minW), 1)
            emit(l)
        }
        return out.reversed()
    }

    /// Lays out a number: `[lpad][sign][prefix][spad][grouped digits][remainder][rpad]`.
    func layoutNumber(negative: Bool, prefix: String, digits: [Unicode.Scalar], remainder: [Unicode.Scalar]) -> String {
        var signStr: [Unicode.Scalar] = []
        switch sign {
        case "+": signStr = [negative ? "-" : "+"]
        case " ": signStr = [negative ? "-" : " "]
        default: if negative { signStr = ["-"] }
        }
        let pre = Array(prefix.unicodeScalars)
        let nonDigit = signStr.count + pre.count + remainder.count
        let minWidth = (fill == "0" && align == "=") ? width - nonDigit : 0
        let grouped: [Unicode.Scalar] = digits.isEmpty ? [] :
            FormatSpec.group(digits, sep: grouping, size: groupSize, minWidth: minWidth)
        let padding = width - (nonDigit + grouped.count)
        var lpad = 0, spad = 0, rpad = 0
        if padding > 0 {
            switch align {
            case "<": rpad = padding
            case "^": lpad = padding / 2; rpad = padding - lpad
            case "=": spad = padding
            default: lpad = padding
            }
        }
        var out = String.UnicodeScalarView()
        for _ in 0..<lpad { out.append(fill) }
        out.append(contentsOf: signStr)
        out.append(contentsOf: pre)
        for _ in 0..<spad { out.append(fill) }
        out.append(contentsOf: grouped)
        out.append(contentsOf: remainder)
        for _ in 0..<rpad { out.append(fill) }
        return String(out)
    }

    /// Pads a string to the width with the fill character.
    func pad(_ s: String, count: Int) -> String {
        let padding = width - count
        if padding <= 0 { return s }
        var lpad = 0, rpad = 0
        switch align {
        case ">", "=": lpad = padding
        case "^": lpad = padding / 2; rpad = padding - lpad
        default: rpad = padding
        }
        var out = String.UnicodeScalarView()
        for _ in 0..<lpad { out.append(fill) }
        out.append(contentsOf: s.unicodeScalars)
        for _ in 0..<rpad { out.append(fill) }
        return String(out)
    }
}

/// `__format__` of the builtin types.
enum Formatter {
    static func formatStr(_ s: PyStr, _ spec: String) throws -> String {
        if spec.isEmpty { return s.value }
        let f = try FormatSpec.parse(spec, typeName: "str", defaultType: "s", defaultAlign: "<")
        if f.type != "s" { throw FormatSpec.unknownCode(f.type!, "str") }
        if f.sign != nil { throw PyError.value("Sign not allowed in string format specifier") }
        if f.noNegZero { throw PyError.value("Negative zero coercion (z) not allowed in string format specifier") }
        if f.alternate { throw PyError.value("Alternate form (#) not allowed in string format specifier") }
        if f.align == "=" { throw PyError.value("'=' alignment not allowed in string format specifier") }
        var text = s.value
        var count = s.count
        if f.precision >= 0 && f.precision < count {
            text = String(String.UnicodeScalarView(s.value.unicodeScalars.prefix(f.precision)))
            count = f.precision
        }
        return f.pad(text, count: count)
    }

    static func formatInt(_ v: Value, _ spec: String, typeName: String = "int") throws -> String {
        if spec.isEmpty { return try IntMath.toString(v) }
        let f = try FormatSpec.parse(spec, typeName: typeName, defaultType: "d", defaultAlign: ">")
        let t = f.type ?? "d"
        switch t {
        case "e", "E", "f", "F", "g", "G", "%":
            let d = try IntMath.toDouble(IntMath.big(v)!)
            return try formatFloat(d, f, typeName: typeName)
        case "d", "n", "b", "o", "x", "X", "c": break
        default: throw FormatSpec.unknownCode(t, typeName)
        }
        if f.precision != -1 { throw PyError.value("Precision not allowed in integer format specifier") }
        if f.noNegZero { throw PyError.value("Negative zero coercion (z) not allowed in integer format specifier") }
        let b = IntMath.big(v)!
        if t == "c" {
            if f.sign != nil { throw PyError.value("Sign not allowed with integer format specifier 'c'") }
            if f.alternate { throw PyError.value("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard let x = Int(exactly: b), x >= 0, x <= 0x10ffff, let u = Unicode.Scalar(UInt32(x)) ?? Unicode.Scalar(0xFFFD) else {
                throw PyError.overflow("%c arg not in range(0x110000)")
            }
            return f.layoutNumber(negative: false, prefix: "", digits: [], remainder: [u])
        }
        let radix: Int, prefix: String
        switch t {
        case "b": radix = 2; prefix = "0b"
        case "o": radix = 8; prefix = "0o"
        case "x": radix = 16; prefix = "0x"
        case "X": radix = 16; prefix = "0X"
        default: radix = 10; prefix = ""
        }
        let digits: String
        if radix == 10 {
            digits = String(b.magnitude)
            if digits.count > 4300 {
                throw PyError.value("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
            }
        } else {
            digits = String(b.magnitude, radix: radix, uppercase: t == "X")
        }
        return f.layoutNumber(negative: b.sign == .minus && !b.isZero, prefix: f.alternate ? prefix : "",
                              digits: Array(digits.unicodeScalars), remainder: [])
    }

    static func formatFloat(_ value: Double, _ spec: String) throws -> String {
        if spec.isEmpty { return FloatRepr.repr(value) }
        let f = try FormatSpec.parse(spec, typeName: "float", defaultType: nil, defaultAlign: ">")
        return try formatFloat(value, f, typeName: "float")
    }

    static func formatFloat(_ value: Double, _ f: FormatSpec, typeName: String) throws -> String {
        var type = f.type ?? "r"
        switch type {
        case "e", "E", "f", "F", "g", "G", "n", "%", "r": break
        default: throw FormatSpec.unknownCode(type, typeName)
        }
        if f.type == "r" { throw FormatSpec.unknownCode("r", typeName) }
        var addDot0 = false
        var defaultPrecision = 6
        if f.type == nil { addDot0 = true; defaultPrecision = 0 }
        if type == "n" { type = "g" }
        var val = value
        var addPct = false
        if type == "%" { type = "f"; val *= 100; addPct = true }
        var precision = f.precision
        if precision < 0 { precision = defaultPrecision } else if type == "r" { type = "g" }
        var text = FloatRepr.format(val, type: Character(type), precision: precision, alternate: f.alternate,
                                    addDot0: addDot0, noNegZero: f.noNegZero)
        if addPct { text += "%" }
        var scalars = Array(text.unicodeScalars)
        var negative = false
        if scalars.first == "-" { negative = true; scalars.removeFirst() }
        var n = 0
        while n < scalars.count, scalars[n].value >= 48 && scalars[n].value <= 57 { n += 1 }
        return f.layoutNumber(negative: negative, prefix: "", digits: Array(scalars[..<n]),
                              remainder: Array(scalars[n...]))
    }
}
