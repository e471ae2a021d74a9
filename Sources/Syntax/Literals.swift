// Number and string literals, including f-strings (CPython 3.11 semantics:
// f-strings are single STRING tokens whose replacement fields are re-parsed).

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

    /// Accumulates the pieces of a (possibly concatenated) f-string.
    struct FStringState {
        var lastStr = ""
        var values: [Expr] = []

        mutating func flush(_ loc: SourceLocation) {
            if !lastStr.isEmpty {
                values.append(Expr(.constant(.str(lastStr)), loc: loc))
                lastStr = ""
            }
        }
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

    // MARK: f-strings

    /// CPython's `fstring_find_literal`: scans literal text up to a '{' or
    /// '}' (or the end). Returns true if a doubled brace was consumed and
    /// scanning should continue.
    func fstringFindLiteral(_ i: inout Int, _ end: Int, raw: Bool, level: Int, into out: inout String) throws(ParseError) -> Bool {
        let src = source.scalars
        let literalStart = i
        var s = i
        var doubled = false
        var literalEnd = -1
        while s < end {
            var ch = src[s]
            s += 1
            if !raw && ch == "\\" && s < end {
                ch = src[s]
                s += 1
                if ch == "N" {
                    if s < end {
                        let c2 = src[s]
                        s += 1
                        if c2 == "{" {
                            while s < end {
                                let c3 = src[s]
                                s += 1
                                if c3 == "}" { break }
                            }
                            continue
                        }
                    }
                    continue
                }
            }
            if ch == "{" || ch == "}" {
                if level == 0 {
                    if s < end && src[s] == ch {
                        literalEnd = s
                        i = s + 1
                        doubled = true
                        break
                    }
                    if ch == "}" {
                        i = s - 1
                        throw errorAtLastToken("f-string: single '}' is not allowed")
                    }
                }
                s -= 1
                break
            }
        }
        if !doubled {
            i = s
            literalEnd = s
        }
        if literalEnd > literalStart {
            if raw {
                out.unicodeScalars.append(contentsOf: src[literalStart..<literalEnd])
            } else {
                try decodeStringEscapes(src[literalStart..<literalEnd], into: &out)
            }
        }
        return doubled
    }

    /// CPython's `fstring_parse` / `_PyPegen_FstringParser_ConcatFstring`.
    func fstringParse(_ i: inout Int, _ end: Int, raw: Bool, level: Int, state: inout FStringState,
                      loc: SourceLocation, specLoc: SourceLocation) throws(ParseError) {
        let src = source.scalars
        while true {
            let doubled = try fstringFindLiteral(&i, end, raw: raw, level: level, into: &state.lastStr)
            if doubled { continue }
            if i >= end || src[i] == "}" { break }
            // At a '{'.
            let (exprText, value) = try fstringFindExpr(&i, end, raw: raw, level: level, loc: loc, specLoc: specLoc)
            if let exprText { state.lastStr += exprText }
            state.flush(loc)
            state.values.append(value)
        }
        if level != 0 && (i >= end || src[i] != "}") {
            throw errorAtLastToken("f-string: expecting '}'")
        }
    }

    /// CPython's `fstring_find_expr`: parses one replacement field starting at '{'.
    func fstringFindExpr(_ i: inout Int, _ end: Int, raw: Bool, level: Int,
                         loc: SourceLocation, specLoc: SourceLocation) throws(ParseError) -> (String?, Expr) {
        let src = source.scalars
        if level >= 2 { throw errorAtLastToken("f-string: expressions nested too deeply") }
        i += 1 // '{'
        let exprStart = i
        var quoteChar: Unicode.Scalar? = nil
        var stringType = 0
        var parenStack: [Unicode.Scalar] = []
        while i < end {
            let ch = src[i]
            if ch == "\\" { throw errorAtLastToken("f-string expression part cannot include a backslash") }
            if let q = quoteChar {
                if ch == q {
                    if stringType == 3 {
                        if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                            i += 3
                            stringType = 0
                            quoteChar = nil
                            continue
                        }
                    } else {
                        quoteChar = nil
                        stringType = 0
                        i += 1
                        continue
                    }
                }
                i += 1
                continue
            }
            if ch == "'" || ch == "\"" {
                if i + 2 < end && src[i + 1] == ch && src[i + 2] == ch {
                    stringType = 3
                    i += 2
                } else {
                    stringType = 1
                }
                quoteChar = ch
            } else if ch == "[" || ch == "{" || ch == "(" {
                if parenStack.count >= 200 { throw errorAtLastToken("f-string: too many nested parenthesis") }
                parenStack.append(ch)
            } else if ch == "#" {
                throw errorAtLastToken("f-string expression part cannot include '#'")
            } else if parenStack.isEmpty && (ch == "!" || ch == ":" || ch == "}" || ch == "=" || ch == ">" || ch == "<") {
                if i + 1 < end {
                    let next = src[i + 1]
                    if (ch == "!" && next == "=") || (ch == "=" && next == "=") || (ch == "<" && next == "=") || (ch == ">" && next == "=") {
                        i += 2
                        continue
                    }
                }
                if ch == ">" || ch == "<" {
                    i += 1
                    continue
                }
                break
            } else if ch == "]" || ch == "}" || ch == ")" {
                guard let opening = parenStack.popLast() else {
                    throw errorAtLastToken("f-string: unmatched '\(Character(ch))'")
                }
                if !((opening == "(" && ch == ")") || (opening == "[" && ch == "]") || (opening == "{" && ch == "}")) {
                    throw errorAtLastToken("f-string: closing parenthesis '\(Character(ch))' does not match opening parenthesis '\(Character(opening))'")
                }
            }
            i += 1
        }
        let exprEnd = i
        if quoteChar != nil { throw errorAtLastToken("f-string: unterminated string") }
        if let opening = parenStack.last { throw errorAtLastToken("f-string: unmatched '\(Character(opening))'") }
        if i >= end { throw errorAtLastToken("f-string: expecting '}'") }

        let expression = try fstringCompileExpr(exprStart, exprEnd)

        var exprText: String? = nil
        if src[i] == "=" {
            i += 1
            while i < end, src[i] == " " || src[i] == "\t" || src[i] == "\n" || src[i] == "\u{0C}" || src[i] == "\r" || src[i] == "\u{0B}" {
                i += 1
            }
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            exprText = source.string(exprStart, i)
        }
        var conversion: Character? = nil
        if src[i] == "!" {
            i += 1
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            let c = src[i]
            i += 1
            if !(c == "s" || c == "r" || c == "a") {
                throw errorAtLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = Character(c)
        }
        var formatSpec: Expr? = nil
        if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
        if src[i] == ":" {
            i += 1
            if i >= end { throw errorAtLastToken("f-string: expecting '}'") }
            var specState = FStringState()
            // As CPython: parts followed by a field and nested fields span the whole
            // concatenated literal; the spec itself and its final text span the token.
            try fstringParse(&i, end, raw: raw, level: level + 1, state: &specState, loc: loc, specLoc: specLoc)
            specState.flush(specLoc)
            formatSpec = Expr(.joinedStr(values: specState.values), loc: specLoc)
        }
        if i >= end || src[i] != "}" { throw errorAtLastToken("f-string: expecting '}'") }
        i += 1
        if exprText != nil && formatSpec == nil && conversion == nil { conversion = "r" }
        return (exprText, Expr(.formattedValue(value: expression, conversion: conversion, formatSpec: formatSpec), loc: loc))
    }

    /// Parses the expression of a replacement field (`src[start..<end]`).
    func fstringCompileExpr(_ start: Int, _ end: Int) throws(ParseError) -> Expr {
        let src = source.scalars
        var k = start
        while k < end, src[k] == " " || src[k] == "\t" || src[k] == "\n" || src[k] == "\u{0C}" { k += 1 }
        if k == end {
            let c = src[end]
            if c == "!" || c == ":" || c == "=" {
                throw errorAtLastToken("f-string: expression required before '\(Character(c))'")
            }
            throw errorAtLastToken("f-string: empty expression not allowed")
        }
        // Find the line/column of `start`.
        var lo = 0, hi = source.lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if source.lineStarts[mid] <= start { lo = mid } else { hi = mid - 1 }
        }
        let line = lo + 1
        let lineStart = source.lineStarts[lo]
        var lexer = Lexer(source: source, filename: filename, start: start, end: end, line: line, lineStart: lineStart)
        lexer.run()
        let sub = PyParser(source: source, filename: filename, tokens: lexer.tokens, lexError: lexer.error,
                           lexErrorKind: lexer.errorKind, inFString: true)
        do throws(ParseError) {
            let e: Expr
            if sub.isKw("yield") {
                e = try sub.parseYieldExpr()
            } else {
                e = try sub.parseStarExpressions()
            }
            if sub.tok.kind != .endmarker { throw sub.genericError() }
            if case .starred = e.kind {
                throw sub.error(e.loc, "cannot use starred expression here")
            }
            // CPython parses "(expr)": an unparenthesized tuple or generator
            // expression gets the positions of those parentheses.
            switch e.kind {
            case .tuple(let elts) where !elts.isEmpty && elts[0].loc.column == e.loc.column && elts[0].loc.line == e.loc.line:
                var x = e
                x.loc.column -= 1
                x.loc.endColumn += 1
                return x
            case .generatorExp(let elt, _) where elt.loc.column == e.loc.column && elt.loc.line == e.loc.line:
                var x = e
                x.loc.column -= 1
                x.loc.endColumn += 1
                return x
            default:
                return e
            }
        } catch {
            // Report like CPython 3.11: relative to the text "(expr)".
            var err = error.error
            let exprText = "(" + source.string(start, end) + ")"
            let startCol = start - lineStart
            if err.line == line {
                err.column = err.column - startCol + 1
                if let ec = err.endColumn, ec > 0, (err.endLine ?? line) == line { err.endColumn = ec - startCol + 1 }
            }
            let rel = err.line - line
            let lines = exprText.split(separator: "\n", omittingEmptySubsequences: false)
            err.text = rel >= 0 && rel < lines.count ? String(lines[rel]) + "\n" : nil
            if !err.message.hasPrefix("f-string") { err.message = "f-string: " + err.message }
            throw ParseError(error: err, isGeneric: false, fromLexer: false)
        }
    }
}
