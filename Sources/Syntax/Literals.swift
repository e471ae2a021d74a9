// Number and string literals (CPython 3.11 semantics): number tokens to
// constants, string prefixes, concatenation and escape decoding. F-strings
// are in FStrings.swift.

extension PyParser {
    // MARK: numbers

    func numberConstant(_ t: Token) throws(ParseError) -> Constant {
        var text = ""
        text.reserveCapacity(t.text.utf8.count)
        for u in t.text.unicodeScalars where u != "_" { text.unicodeScalars.append(u) }
        let utf8 = Array(text.utf8)
        if let last = utf8.last, last == UInt8(ascii: "j") || last == UInt8(ascii: "J") {
            throw error(at: t, "complex numbers are not supported")
        }
        if utf8.count > 2 && utf8[0] == UInt8(ascii: "0") {
            let p = utf8[1] | 0x20
            let radix: Int? = p == UInt8(ascii: "x") ? 16 : p == UInt8(ascii: "o") ? 8 : p == UInt8(ascii: "b") ? 2 : nil
            if let radix {
                return .int(PyParser.toDecimal(utf8[2...], radix: radix))
            }
        }
        var isFloat = false
        for c in utf8 where c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            isFloat = true
            break
        }
        if isFloat {
            var s = text
            if s.hasPrefix(".") { s = "0" + s }
            guard let d = Double(s) else { throw error(at: t, "invalid float literal") }
            return .float(d)
        }
        // Decimal integer: strip leading zeros.
        var i = 0
        while i < utf8.count - 1 && utf8[i] == UInt8(ascii: "0") { i += 1 }
        return .int(String(decoding: utf8[i...], as: UTF8.self))
    }

    /// Converts digits in `radix` to a base-10 digit string (any size).
    static func toDecimal(_ digits: ArraySlice<UInt8>, radix: Int) -> String {
        // Little-endian limbs in base 10^9.
        var limbs: [UInt64] = [0]
        let base: UInt64 = 1_000_000_000
        for c in digits {
            let v: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt64(c - UInt8(ascii: "A") + 10)
            default: continue
            }
            var carry = v
            for k in 0..<limbs.count {
                let x = limbs[k] * UInt64(radix) + carry
                limbs[k] = x % base
                carry = x / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        var out = String(limbs[limbs.count - 1])
        for k in stride(from: limbs.count - 2, through: 0, by: -1) {
            let s = String(limbs[k])
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return out
    }

    // MARK: strings

    struct StringPrefix {
        var raw = false
        var bytes = false
        var fstring = false
        var length = 0
    }

    func stringPrefix(_ t: Token) -> StringPrefix {
        var p = StringPrefix()
        var i = t.start
        let src = source.scalars
        while src[i] != "\"" && src[i] != "'" {
            switch src[i] {
            case "r", "R": p.raw = true
            case "b", "B": p.bytes = true
            case "f", "F": p.fstring = true
            default: break
            }
            i += 1
        }
        p.length = i - t.start
        return p
    }

    /// Parses one or more adjacent STRING tokens.
    func parseStrings() throws(ParseError) -> Expr {
        var parts: [Token] = []
        while tok.kind == .string { parts.append(advance()) }
        let loc = SourceLocation(line: parts[0].line, column: parts[0].column,
                                 endLine: parts[parts.count - 1].endLine, endColumn: parts[parts.count - 1].endColumn)
        let src = source.scalars
        var bytesMode: Bool? = nil
        var fmode = false
        var state = FStringState()
        var bytesAcc: [UInt8] = []
        for t in parts {
            let p = stringPrefix(t)
            if let bm = bytesMode, bm != p.bytes {
                throw errorAtLastToken("cannot mix bytes and nonbytes literals")
            }
            bytesMode = p.bytes
            let quoteStart = t.start + p.length
            let q = src[quoteStart]
            let triple = quoteStart + 2 < t.end && src[quoteStart + 1] == q && src[quoteStart + 2] == q && t.end - quoteStart >= 6
            let ql = triple ? 3 : 1
            let bodyStart = quoteStart + ql
            let bodyEnd = t.end - ql
            if p.bytes {
                for k in bodyStart..<bodyEnd where !src[k].isASCII {
                    throw error(at: t, "bytes can only contain ASCII literal characters")
                }
                if p.raw {
                    for k in bodyStart..<bodyEnd { bytesAcc.append(UInt8(src[k].value)) }
                } else {
                    try decodeBytesEscapes(src[bodyStart..<bodyEnd], into: &bytesAcc)
                }
            } else if p.fstring {
                fmode = true
                var i = bodyStart
                let specLoc = t.loc
                try fstringParse(&i, bodyEnd, raw: p.raw, level: 0, state: &state, loc: loc, specLoc: specLoc)
            } else if p.raw {
                state.lastStr.unicodeScalars.append(contentsOf: src[bodyStart..<bodyEnd])
            } else {
                try decodeStringEscapes(src[bodyStart..<bodyEnd], into: &state.lastStr)
            }
        }
        if bytesMode == true {
            return Expr(.constant(.bytes(bytesAcc)), loc: loc)
        }
        if !fmode {
            return Expr(.constant(.str(state.lastStr)), loc: loc)
        }
        state.flush(loc)
        return Expr(.joinedStr(values: state.values), loc: loc)
    }

    func unicodeEscapeError(_ start: Int, _ end: Int, _ reason: String) -> ParseError {
        if end - start <= 1 {
            return errorAtLastToken("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position \(start): \(reason)")
        }
        return errorAtLastToken("(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 48...57: return c.value - 48
        case 65...70: return c.value - 55
        case 97...102: return c.value - 87
        default: return nil
        }
    }

    /// Decodes backslash escapes of a (non-raw) str literal body.
    func decodeStringEscapes(_ body: ArraySlice<Unicode.Scalar>, into out: inout String) throws(ParseError) {
        // Fast path: no backslash.
        if !body.contains("\\") {
            out.unicodeScalars.append(contentsOf: body)
            return
        }
        var i = body.startIndex
        let end = body.endIndex
        // Position as CPython's unicode-escape decoder sees it (non-ASCII
        // characters are first rewritten as 10-byte \U escapes).
        var bytePos = 0
        while i < end {
            let c = body[i]
            if c != "\\" {
                out.unicodeScalars.append(c)
                bytePos += c.isASCII ? 1 : 10
                i += 1
                continue
            }
            let escStart = bytePos
            i += 1
            bytePos += 1
            guard i < end else {
                out += "\\"
                break
            }
            let e = body[i]
            if !e.isASCII {
                // Backslash before a non-ASCII character stays a backslash.
                out += "\\"
                bytePos += 5
                continue
            }
            i += 1
            bytePos += 1
            switch e {
            case "\n": break
            case "\\": out += "\\"
            case "'": out += "'"
            case "\"": out += "\""
            case "a": out += "\u{07}"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "v": out += "\u{0B}"
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3, i < end, body[i].value >= 48, body[i].value <= 55 {
                    v = v * 8 + body[i].value - 48
                    i += 1
                    bytePos += 1
                    n += 1
                }
                out.unicodeScalars.append(Unicode.Scalar(v)!)
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                var v: UInt32 = 0
                for _ in 0..<count {
                    guard i < end, let h = PyParser.hexValue(body[i]) else {
                        let what = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                        throw unicodeEscapeError(escStart, bytePos, "truncated \(what) escape")
                    }
                    v = v * 16 + h
                    i += 1
                    bytePos += 1
                }
                guard let s = Unicode.Scalar(v) else {
                    if v >= 0xD800 && v <= 0xDFFF {
                        // Lone surrogates cannot be represented in a Swift String.
                        throw unicodeEscapeError(escStart, bytePos, "surrogate characters are not supported")
                    }
                    throw unicodeEscapeError(escStart, bytePos, "illegal Unicode character")
                }
                out.unicodeScalars.append(s)
            case "N":
                guard i < end, body[i] == "{" else {
                    throw unicodeEscapeError(escStart, bytePos, "malformed \\N character escape")
                }
                var j = i + 1
                while j < end && body[j] != "}" { j += 1 }
                guard j < end, j > i + 1 else {
                    throw unicodeEscapeError(escStart, bytePos + (j - i), "malformed \\N character escape")
                }
                var name = ""
                name.unicodeScalars.append(contentsOf: body[(i + 1)..<j])
                bytePos += j + 1 - i
                i = j + 1
                guard let s = PyParser.scalar(named: name) else {
                    throw unicodeEscapeError(escStart, bytePos, "unknown Unicode character name")
                }
                out.unicodeScalars.append(s)
            default:
                // Invalid escape: kept as is (CPython only warns).
                out += "\\"
                out.unicodeScalars.append(e)
            }
        }
    }

    /// Decodes backslash escapes of a (non-raw) bytes literal body.
    func decodeBytesEscapes(_ body: ArraySlice<Unicode.Scalar>, into out: inout [UInt8]) throws(ParseError) {
        var i = body.startIndex
        let end = body.endIndex
        while i < end {
            let c = body[i]
            if c != "\\" {
                out.append(UInt8(c.value))
                i += 1
                continue
            }
            let escPos = i - body.startIndex
            i += 1
            guard i < end else { out.append(92); break }
            let e = body[i]
            i += 1
            switch e {
            case "\n": break
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "0"..."7":
                var v = e.value - 48
                var n = 1
                while n < 3, i < end, body[i].value >= 48, body[i].value <= 55 {
                    v = v * 8 + body[i].value - 48
                    i += 1
                    n += 1
                }
                out.append(UInt8(v & 0xFF))
            case "x":
                guard i + 1 < end, let h1 = PyParser.hexValue(body[i]), let h2 = PyParser.hexValue(body[i + 1]) else {
                    throw errorAtLastToken("(value error) invalid \\x escape at position \(escPos)")
                }
                out.append(UInt8(h1 * 16 + h2))
                i += 2
            default:
                out.append(92)
                out.append(UInt8(e.value))
            }
        }
    }

    /// Looks up a Unicode character by name (case-insensitive), as `\N{...}`.
    static func scalar(named rawName: String) -> Unicode.Scalar? {
        let name = rawName.uppercased()
        let cjk = "CJK UNIFIED IDEOGRAPH-"
        if name.hasPrefix(cjk), let v = UInt32(name.dropFirst(cjk.count), radix: 16), let s = Unicode.Scalar(v),
           s.properties.name == name {
            return s
        }
        let ranges: [ClosedRange<UInt32>] = [0x20...0xD7FF, 0xE000...0x3FFFF, 0xE0000...0xE01EF]
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v) else { continue }
                let props = s.properties
                if let n = props.name, n == name { return s }
                if let a = props.nameAlias, a == name { return s }
            }
        }
        return nil
    }
}
