/// CPython's `repr` for the builtin types: a fast path that needs no Python code (numbers, str, bytes,
/// None, bool, and containers of those), plus the quoting rules of str and bytes.
public enum Repr {
    /// `repr(v)` for values whose repr needs no Python code (numbers, str, None, bool, and containers of
    /// those); nil when a user-defined `__repr__` may be involved.
    public static func fast(_ v: Value) -> String? {
        if case .int(let n) = v { return StrASCII.decimal(n) }
        var visiting: [ObjectIdentifier] = []
        var out = ""
        return append(v, to: &out, visiting: &visiting, depth: 0) ? out : nil
    }

    private static func append(_ v: Value, to out: inout String, visiting: inout [ObjectIdentifier], depth: Int) -> Bool {
        switch v {
        case .none: out += "None"
        case .null: out += "<NULL>"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let n): out += StrASCII.decimal(n)
        case .float(let d): out += FloatRepr.repr(d)
        case .object(let o):
            switch o {
            case let s as PyStr: out += str(s)
            case let b as PyBigInt:
                guard let s = try? IntMath.toString(.object(b)) else { return false }
                out += s
            case let b as PyBytes: out += bytes(b.bytes)
            case let r as PyRange:
                out += r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
            case let r as PyBigRange:
                out += r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
            case is PyEllipsis: out += "Ellipsis"
            case is PyNotImplemented: out += "NotImplemented"
            case let l as PyList:
                return container(o, "[", "]", "[...]", l.items, &out, &visiting, depth)
            case let t as PyTuple:
                if t.items.count == 1 {
                    return container(o, "(", ",)", "(...)", t.items, &out, &visiting, depth)
                }
                return container(o, "(", ")", "(...)", t.items, &out, &visiting, depth)
            case let d as PyDict:
                if depth > 100 { return false }
                let id = ObjectIdentifier(o)
                if visiting.contains(id) { out += "{...}"; return true }
                visiting.append(id)
                defer { visiting.removeLast() }
                out += "{"
                var first = true
                for (k, val) in d.items {
                    if !first { out += ", " }
                    first = false
                    guard append(k, to: &out, visiting: &visiting, depth: depth + 1) else { return false }
                    out += ": "
                    guard append(val, to: &out, visiting: &visiting, depth: depth + 1) else { return false }
                }
                out += "}"
            case let s as PySet:
                let items = SetSupport.orderedElements(s)
                if items.isEmpty { out += "set()"; return true }
                return container(o, "{", "}", "set(...)", items, &out, &visiting, depth)
            case let f as PyFrozenSet:
                let items = SetSupport.orderedElements(f.set)
                if items.isEmpty { out += "frozenset()"; return true }
                return container(o, "frozenset({", "})", "frozenset(...)", items, &out, &visiting, depth)
            default:
                return false
            }
        }
        return true
    }

    private static func container(_ o: PyObject, _ open: String, _ close: String, _ recursive: String,
                                  _ items: [Value], _ out: inout String, _ visiting: inout [ObjectIdentifier],
                                  _ depth: Int) -> Bool {
        if depth > 100 { return false }
        let id = ObjectIdentifier(o)
        if visiting.contains(id) { out += recursive; return true }
        visiting.append(id)
        defer { visiting.removeLast() }
        out += open
        var first = true
        for item in items {
            if !first { out += ", " }
            first = false
            guard append(item, to: &out, visiting: &visiting, depth: depth + 1) else { return false }
        }
        out += close
        return true
    }

    // MARK: str and bytes

    /// Python's `str.isprintable` for one code point.
    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x7f { return u.value >= 0x20 }
        if u.value < 0xa0 { return false }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        var s = ""
        for i in stride(from: width - 1, through: 0, by: -1) { s.append(hexDigits[Int((v >> (UInt32(i) * 4)) & 0xf)]) }
        return s
    }

    /// `repr(s)` for a str.
    public static func str(_ s: PyStr) -> String { str(s.value) }

    public static func str(_ s: String) -> String {
        var squote = false, dquote = false, plain = true
        for u in s.unicodeScalars {
            switch u {
            case "'": squote = true
            case "\"": dquote = true
            case "\\", "\t", "\r", "\n": plain = false
            default: if u.value < 0x20 || u.value >= 0x7f { plain = false }
            }
        }
        let quote: Unicode.Scalar = (squote && !dquote) ? "\"" : "'"
        if plain && !(squote && dquote) {
            return String(quote) + s + String(quote)
        }
        var out = String.UnicodeScalarView()
        out.append(quote)
        for u in s.unicodeScalars {
            switch u {
            case quote, "\\": out.append("\\"); out.append(u)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    out.append(contentsOf: ("\\x" + hex(u.value, 2)).unicodeScalars)
                } else if u.value < 0x7f || isPrintable(u) {
                    out.append(u)
                } else if u.value < 0x100 {
                    out.append(contentsOf: ("\\x" + hex(u.value, 2)).unicodeScalars)
                } else if u.value < 0x10000 {
                    out.append(contentsOf: ("\\u" + hex(u.value, 4)).unicodeScalars)
                } else {
                    out.append(contentsOf: ("\\U" + hex(u.value, 8)).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `repr(b)` for bytes (`b'...'`); `prefix` is "b" (or "bytearray(b" by callers that wrap it).
    public static func bytes(_ b: [UInt8]) -> String {
        var squote = false, dquote = false
        for c in b { if c == 0x27 { squote = true } else if c == 0x22 { dquote = true } }
        let quote: UInt8 = (squote && !dquote) ? 0x22 : 0x27
        var out: [UInt8] = [0x62, quote]
        out.reserveCapacity(b.count + 3)
        for c in b {
            switch c {
            case quote, 0x5c: out.append(0x5c); out.append(c)
            case 0x09: out.append(0x5c); out.append(0x74)
            case 0x0a: out.append(0x5c); out.append(0x6e)
            case 0x0d: out.append(0x5c); out.append(0x72)
            default:
                if c < 0x20 || c >= 0x7f {
                    out.append(0x5c); out.append(0x78)
                    out.append(UInt8(ascii: hexDigits[Int(c >> 4)].unicodeScalars.first!))
                    out.append(UInt8(ascii: hexDigits[Int(c & 0xf)].unicodeScalars.first!))
                } else {
                    out.append(c)
                }
            }
        }
        out.append(quote)
        return String(decoding: out, as: UTF8.self)
    }
}
