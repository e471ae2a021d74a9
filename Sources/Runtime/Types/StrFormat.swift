/// `str.format` / `str.format_map`: CPython's Objects/stringlib/unicode_format.h (markup parsing,
/// auto/manual field numbering, `.attr` and `[key]` lookups, `!r`/`!s`/`!a` conversions, nested specs).
enum StrFormat {
    final class AutoNumber {
        enum State { case initial, auto, manual }
        var state = State.initial
        var next = 0
    }

    static func format(_ vm: VM, _ template: String, _ positional: [Value]?, _ mapping: Value?) throws -> String {
        let auto = AutoNumber()
        return try build(vm, Array(template.unicodeScalars)[...], positional, mapping, depth: 2, auto: auto)
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }

    private static func build(_ vm: VM, _ s: ArraySlice<Unicode.Scalar>, _ positional: [Value]?, _ mapping: Value?,
                              depth: Int, auto: AutoNumber) throws -> String {
        if depth <= 0 { throw PyError.value("Max string recursion exceeded") }
        var out = String.UnicodeScalarView()
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            // Literal text.
            var c: Unicode.Scalar = " "
            var markup = false
            let litStart = i
            while i < end {
                c = s[i]; i += 1
                if c == "{" || c == "}" { markup = true; break }
            }
            let atEnd = i >= end
            var litEnd = i
            if markup {
                if c == "}" && (atEnd || s[i] != "}") { throw PyError.value("Single '}' encountered in format string") }
                if atEnd && c == "{" { throw PyError.value("Single '{' encountered in format string") }
                if !atEnd && s[i] == c {
                    i += 1
                    markup = false
                } else {
                    litEnd -= 1
                }
            }
            out.append(contentsOf: s[litStart..<litEnd])
            if !markup { continue }
            // Field: name [!conv] [:spec] }
            let nameStart = i
            var cc: Unicode.Scalar = " "
            var terminated = false
            while i < end {
                cc = s[i]; i += 1
                if cc == "{" { throw PyError.value("unexpected '{' in field name") }
                if cc == "[" {
                    while i < end && s[i] != "]" { i += 1 }
                    continue
                }
                if cc == "}" || cc == ":" || cc == "!" { terminated = true; break }
            }
            let nameEnd = terminated ? i - 1 : i
            var conversion: Unicode.Scalar? = nil
            var spec: ArraySlice<Unicode.Scalar> = []
            var specNeedsExpanding = false
            if terminated && (cc == "!" || cc == ":") {
                var done = false
                if cc == "!" {
                    if i >= end { throw PyError.value("end of string while looking for conversion specifier") }
                    conversion = s[i]; i += 1
                    if i < end {
                        let c2 = s[i]; i += 1
                        if c2 == "}" { done = true }
                        else if c2 != ":" { throw PyError.value("expected ':' after conversion specifier") }
                    }
                }
                if !done {
                    let specStart = i
                    var count = 1
                    var closed = false
                    while i < end {
                        let c3 = s[i]; i += 1
                        if c3 == "{" { specNeedsExpanding = true; count += 1 }
                        else if c3 == "}" {
                            count -= 1
                            if count == 0 { spec = s[specStart..<(i - 1)]; closed = true; break }
                        }
                    }
                    if !closed { throw PyError.value("unmatched '{' in format spec") }
                }
            } else if !terminated || cc != "}" {
                throw PyError.value("expected '}' before end of string")
            }
            var obj = try fieldObject(vm, s[nameStart..<nameEnd], positional, mapping, auto)
            if let conv = conversion {
                switch conv {
                case "r": obj = .str(try vm.repr(obj))
                case "s": obj = .str(try vm.str(obj))
                case "a": obj = .str(ascii(try vm.repr(obj)))
                default:
                    if conv.value >= 0x20 && conv.value < 0x7f {
                        throw PyError.value("Unknown conversion specifier \(Character(conv))")
                    }
                    throw PyError.value("Unknown conversion specifier \\x\(String(conv.value, radix: 16))")
                }
            }
            let specText = specNeedsExpanding
                ? try build(vm, spec, positional, mapping, depth: depth - 1, auto: auto)
                : string(spec)
            out.append(contentsOf: try vm.format(obj, specText).unicodeScalars)
        }
        return String(out)
    }

    /// `ascii()`: the repr with non-ASCII characters escaped.
    static func ascii(_ r: String) -> String {
        var out = ""
        for u in r.unicodeScalars {
            if u.value < 128 { out.unicodeScalars.append(u) }
            else if u.value < 0x100 { out += "\\x" + pad(String(u.value, radix: 16), 2) }
            else if u.value < 0x10000 { out += "\\u" + pad(String(u.value, radix: 16), 4) }
            else { out += "\\U" + pad(String(u.value, radix: 16), 8) }
        }
        return out
    }

    private static func pad(_ s: String, _ n: Int) -> String { String(repeating: "0", count: max(0, n - s.count)) + s }

    /// A field name made only of decimal digits, as an index; -1 otherwise.
    private static func integer(_ s: ArraySlice<Unicode.Scalar>) throws -> Int {
        if s.isEmpty { return -1 }
        var v = 0
        for u in s {
            guard u.properties.numericType == .decimal, let d = u.properties.numericValue else { return -1 }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 { throw PyError.value("Too many decimal digits in format string") }
            v = a
        }
        return v
    }

    private static func fieldObject(_ vm: VM, _ name: ArraySlice<Unicode.Scalar>, _ positional: [Value]?,
                                    _ mapping: Value?, _ auto: AutoNumber) throws -> Value {
        var i = name.startIndex
        while i < name.endIndex && name[i] != "." && name[i] != "[" { i += 1 }
        let first = name[name.startIndex..<i]
        var index = try integer(first)
        let empty = first.isEmpty
        let numeric = empty || index != -1
        if auto.state == .initial && numeric { auto.state = empty ? .auto : .manual }
        if numeric {
            if auto.state == .manual && empty {
                throw PyError.value("cannot switch from manual field specification to automatic field numbering")
            }
            if auto.state == .auto && !empty {
                throw PyError.value("cannot switch from automatic field numbering to manual field specification")
            }
        }
        if empty { index = auto.next; auto.next += 1 }
        var obj: Value
        if index == -1 {
            let key = Value.str(string(first))
            guard let m = mapping else { throw PyError.key(key) }
            obj = try vm.getItem(m, key)
        } else {
            guard let args = positional else { throw PyError.value("Format string contains positional fields") }
            guard index < args.count else {
                throw PyError.index("Replacement index \(index) out of range for positional args tuple")
            }
            obj = args[index]
        }
        // The rest: .attr or [key] parts.
        while i < name.endIndex {
            let c = name[i]; i += 1
            if c == "." {
                let start = i
                while i < name.endIndex && name[i] != "." && name[i] != "[" { i += 1 }
                if start == i { throw PyError.value("Empty attribute in format string") }
                obj = try vm.getAttr(obj, string(name[start..<i]))
            } else if c == "[" {
                let start = i
                while i < name.endIndex && name[i] != "]" { i += 1 }
                if i >= name.endIndex { throw PyError.value("Missing ']' in format string") }
                let key = name[start..<i]
                i += 1
                if key.isEmpty { throw PyError.value("Empty attribute in format string") }
                let idx = try integer(key)
                obj = try vm.getItem(obj, idx == -1 ? .str(string(key)) : .int(idx))
            } else {
                throw PyError.value("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return obj
    }
}
