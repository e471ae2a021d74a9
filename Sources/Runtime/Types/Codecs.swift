import Foundation

/// Text encodings for `str.encode`, `bytes.decode`, `str(bytes, encoding)`: utf-8, ascii and latin-1,
/// with the error handlers strict, ignore, replace and backslashreplace, and CPython's messages.
enum Codecs {
    enum Kind { case utf8, ascii, latin1 }

    static func kind(_ encoding: String) throws -> (Kind, String) {
        let norm = encoding.lowercased().replacingOccurrences(of: "_", with: "-")
        switch norm {
        case "utf-8", "utf8", "u8", "utf", "cp65001": return (.utf8, "utf-8")
        case "ascii", "us-ascii", "646": return (.ascii, "ascii")
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin":
            return (.latin1, "latin-1")
        default:
            throw PyError(PyBaseException.make(.lookupError, "unknown encoding: \(encoding)"))
        }
    }

    private static func checkHandler(_ errors: String) throws {
        switch errors {
        case "strict", "ignore", "replace", "backslashreplace", "surrogateescape", "xmlcharrefreplace": return
        default: throw PyError(PyBaseException.make(.lookupError, "unknown error handler name '\(errors)'"))
        }
    }

    static func encode(_ s: String, encoding: String, errors: String) throws -> [UInt8] {
        let (k, name) = try kind(encoding)
        if k == .utf8 { return Array(s.utf8) }
        let limit: UInt32 = k == .ascii ? 128 : 256
        let scalars = Array(s.unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u.value < limit { out.append(UInt8(u.value)); i += 1; continue }
            var j = i
            while j < scalars.count && scalars[j].value >= limit { j += 1 }
            switch errors {
            case "strict":
                let what = j - i == 1
                    ? "character '\(u.value < 0x100 ? "\\x" + hex2(UInt8(u.value)) : u.value < 0x10000 ? "\\u" + pad(String(u.value, radix: 16), 4) : "\\U" + pad(String(u.value, radix: 16), 8))'"
                    : "characters"
                let pos = j - i == 1 ? "position \(i)" : "position \(i)-\(j - 1)"
                throw PyError(PyBaseException.make(.unicodeEncodeError,
                    "'\(name)' codec can't encode \(what) in \(pos): ordinal not in range(\(limit))"))
            case "ignore": break
            case "replace": for _ in i..<j { out.append(0x3f) }
            case "backslashreplace":
                for k in i..<j { out.append(contentsOf: Array(StrFormat.ascii(String(scalars[k])).utf8)) }
            case "xmlcharrefreplace":
                for k in i..<j { out.append(contentsOf: Array("&#\(scalars[k].value);".utf8)) }
            default: try checkHandler(errors)
            }
            i = j
        }
        return out
    }

    static func decode(_ b: [UInt8], encoding: String, errors: String) throws -> String {
        let (k, name) = try kind(encoding)
        switch k {
        case .latin1:
            var v = String.UnicodeScalarView()
            for c in b { v.append(Unicode.Scalar(c)) }
            return String(v)
        case .ascii:
            if b.allSatisfy({ $0 < 128 }) { return String(decoding: b, as: UTF8.self) }
            var v = String.UnicodeScalarView()
            for (i, c) in b.enumerated() {
                if c < 128 { v.append(Unicode.Scalar(c)); continue }
                switch errors {
                case "strict":
                    throw PyError(PyBaseException.make(.unicodeDecodeError,
                        "'ascii' codec can't decode byte 0x\(hex2(c)) in position \(i): ordinal not in range(128)"))
                case "ignore": break
                case "replace": v.append("\u{FFFD}")
                case "backslashreplace": v.append(contentsOf: "\\x\(hex2(c))".unicodeScalars)
                default: try checkHandler(errors)
                }
            }
            return String(v)
        case .utf8:
            if let s = String(validating: b, as: UTF8.self) { return s }
            return try decodeUTF8Slow(b, errors: errors, name: name)
        }
    }

    static func pad(_ s: String, _ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - s.count)) + s }

    static func hex2(_ c: UInt8) -> String {
        let h = String(c, radix: 16)
        return h.count == 1 ? "0" + h : h
    }

    /// UTF-8 decoding with CPython's error positions and reasons.
    private static func decodeUTF8Slow(_ b: [UInt8], errors: String, name: String) throws -> String {
        var v = String.UnicodeScalarView()
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { v.append(Unicode.Scalar(c)); i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: need = -1
            }
            var reason = ""
            var end = i + 1
            if need < 0 {
                reason = "invalid start byte"
            } else {
                var j = i + 1
                var ok = true
                for k in 0..<need {
                    if j >= n { reason = "unexpected end of data"; ok = false; break }
                    let cc = b[j]
                    let l: UInt8 = k == 0 ? lo : 0x80, h: UInt8 = k == 0 ? hi : 0xBF
                    if cc < l || cc > h { reason = "invalid continuation byte"; ok = false; break }
                    j += 1
                }
                if ok {
                    var cp = UInt32(c) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
                    for k in 1...need { cp = (cp << 6) | (UInt32(b[i + k]) & 0x3F) }
                    v.append(Unicode.Scalar(cp)!)
                    i = j
                    continue
                }
                end = j
            }
            switch errors {
            case "strict":
                let what = end - i == 1 ? "byte 0x\(hex2(b[i])) in position \(i)" : "bytes in position \(i)-\(end - 1)"
                throw PyError(PyBaseException.make(.unicodeDecodeError, "'\(name)' codec can't decode \(what): \(reason)"))
            case "ignore": break
            case "replace": v.append("\u{FFFD}")
            case "backslashreplace": for k in i..<end { v.append(contentsOf: "\\x\(hex2(b[k]))".unicodeScalars) }
            case "surrogateescape": v.append("\u{FFFD}")
            default: try checkHandler(errors)
            }
            i = end
        }
        return String(v)
    }
}
