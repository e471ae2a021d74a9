/// Code-point level helpers for `str`: Python indexes strings by code point. ASCII strings work on their
/// UTF-8 bytes; others on arrays of scalar values. Search algorithms are generic over both.
enum StrSupport {
    /// One-character strings for ASCII, shared (iteration and indexing allocate nothing).
    static let asciiChars: [PyStr] = (0..<128).map { PyStr(String(UnicodeScalar(UInt8($0)))) }
    static let empty = PyStr("")

    @inline(__always)
    static func char(_ u: Unicode.Scalar) -> PyStr {
        u.value < 128 ? asciiChars[Int(u.value)] : PyStr(String(u))
    }

    /// Code points of a string as UInt32 values.
    @inline(__always)
    static func cps(_ s: PyStr) -> [UInt32] { s.value.unicodeScalars.map { $0.value } }

    static func string(_ cps: ArraySlice<UInt32>) -> String {
        var v = String.UnicodeScalarView()
        for c in cps { v.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
        return String(v)
    }

    static func string(_ cps: [UInt32]) -> String { string(cps[...]) }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    static func make(_ s: String) -> Value {
        if s.isEmpty { return .object(empty) }
        return .object(PyStr(s))
    }

    /// `s[a..<b]` (code points, `0 <= a < b <= count`) as a str.
    static func slice(_ s: PyStr, _ a: Int, _ b: Int) -> Value {
        if a == 0 && b == s.count { return .object(s) }
        if s.isASCII {
            return s.withUTF8 { h in StrASCII.piece(h.baseAddress!, a, b) }
        }
        return .object(PyStr(substring(s, a, b)))
    }

    /// Substring by code point range (`0 <= a <= b <= count`).
    static func substring(_ s: PyStr, _ a: Int, _ b: Int) -> String {
        if a >= b { return "" }
        if a == 0 && b == s.count { return s.value }
        if s.isASCII {
            let u = s.value.utf8
            let i = u.index(u.startIndex, offsetBy: a), j = u.index(i, offsetBy: b - a)
            return String(s.value[i..<j])
        }
        let u = s.value.unicodeScalars
        let i = u.index(u.startIndex, offsetBy: a), j = u.index(i, offsetBy: b - a)
        return String(u[i..<j])
    }

    // MARK: searching (generic over [UInt8] and [UInt32])

    static func find<T: Equatable>(_ h: [T], _ n: [T], _ start: Int, _ end: Int) -> Int {
        let m = n.count
        if end - start < m { return -1 }
        if m == 0 { return start }
        let first = n[0]
        var i = start
        let last = end - m
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < m && h[i + k] == n[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return -1
    }

    static func rfind<T: Equatable>(_ h: [T], _ n: [T], _ start: Int, _ end: Int) -> Int {
        let m = n.count
        if end - start < m { return -1 }
        if m == 0 { return end }
        var i = end - m
        while i >= start {
            var k = 0
            while k < m && h[i + k] == n[k] { k += 1 }
            if k == m { return i }
            i -= 1
        }
        return -1
    }

    static func count<T: Equatable>(_ h: [T], _ n: [T], _ start: Int, _ end: Int, max: Int = Int.max) -> Int {
        let m = n.count
        if end - start < m { return 0 }
        if m == 0 { return Swift.min(end - start + 1, max) }
        var c = 0, i = start
        while c < max {
            let j = find(h, n, i, end)
            if j < 0 { break }
            c += 1
            i = j + m
        }
        return c
    }

    /// Runs `body` with both strings as code unit arrays of the same kind (bytes when both are ASCII).
    static func withUnits<R>(_ a: PyStr, _ b: PyStr, ascii: ([UInt8], [UInt8]) throws -> R,
                             general: ([UInt32], [UInt32]) throws -> R) rethrows -> R {
        if a.isASCII && b.isASCII { return try ascii(Array(a.value.utf8), Array(b.value.utf8)) }
        return try general(cps(a), cps(b))
    }

    /// `str.find` & co. on code point indices.
    static func find(_ h: PyStr, _ n: PyStr, _ start: Int, _ end: Int, reverse: Bool = false) -> Int {
        let (s, e) = TypeSupport.adjust(start, end, h.count)
        if e - s < n.count { return -1 }
        if h.isASCII {
            if !n.isASCII { return -1 }
            return h.withUTF8 { hb in
                n.withUTF8 { nb in reverse ? StrASCII.rfind(hb, nb, s, e) : StrASCII.find(hb, nb, s, e) }
            }
        }
        return withUnits(h, n, ascii: { reverse ? rfind($0, $1, s, e) : find($0, $1, s, e) },
                         general: { reverse ? rfind($0, $1, s, e) : find($0, $1, s, e) })
    }

    static func count(_ h: PyStr, _ n: PyStr, _ start: Int, _ end: Int) -> Int {
        let (s, e) = TypeSupport.adjust(start, end, h.count)
        if e - s < n.count { return 0 }
        if h.isASCII {
            if !n.isASCII { return 0 }
            return h.withUTF8 { hb in n.withUTF8 { nb in StrASCII.count(hb, nb, s, e) } }
        }
        return withUnits(h, n, ascii: { count($0, $1, s, e) }, general: { count($0, $1, s, e) })
    }

    static func contains(_ h: PyStr, _ n: PyStr) -> Bool {
        if n.count == 0 { return true }
        if h.isASCII && !n.isASCII { return false }
        if h.isASCII && n.isASCII && n.count == 1 {
            let c = n.value.utf8.first!
            return h.value.utf8.contains(c)
        }
        if h.isASCII && n.isASCII {
            return h.withUTF8 { hb in n.withUTF8 { nb in StrASCII.find(hb, nb, 0, hb.count) >= 0 } }
        }
        return find(h, n, 0, h.count) >= 0
    }

    // MARK: character classes (Python's unicodeobject predicates)

    static func isSpace(_ u: Unicode.Scalar) -> Bool { NumberParsing.isSpace(u) }

    static func isAlpha(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return (u.value >= 65 && u.value <= 90) || (u.value >= 97 && u.value <= 122) }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDecimal(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u.value >= 48 && u.value <= 57 }
        return u.properties.numericType == .decimal
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u.value >= 48 && u.value <= 57 }
        let t = u.properties.numericType
        return t == .decimal || t == .digit
    }

    static func isNumeric(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u.value >= 48 && u.value <= 57 }
        return u.properties.numericType != nil
    }

    static func isAlnum(_ u: Unicode.Scalar) -> Bool { isAlpha(u) || isNumeric(u) }

    static func isLower(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u.value >= 97 && u.value <= 122 }
        return u.properties.isLowercase
    }

    static func isUpper(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return u.value >= 65 && u.value <= 90 }
        return u.properties.isUppercase
    }

    static func isTitle(_ u: Unicode.Scalar) -> Bool { u.properties.generalCategory == .titlecaseLetter }

    static func isCased(_ u: Unicode.Scalar) -> Bool {
        if u.value < 128 { return isLower(u) || isUpper(u) }
        return u.properties.isCased
    }

    static func lower(_ u: Unicode.Scalar) -> String {
        if u.value < 128 { return String(Unicode.Scalar(u.value >= 65 && u.value <= 90 ? u.value + 32 : u.value)!) }
        return u.properties.lowercaseMapping
    }

    static func upper(_ u: Unicode.Scalar) -> String {
        if u.value < 128 { return String(Unicode.Scalar(u.value >= 97 && u.value <= 122 ? u.value - 32 : u.value)!) }
        return u.properties.uppercaseMapping
    }

    static func title(_ u: Unicode.Scalar) -> String {
        if u.value < 128 { return upper(u) }
        return u.properties.titlecaseMapping
    }

    /// Python's line boundaries for `splitlines`.
    static func isLineBreak(_ c: UInt32) -> Bool {
        switch c {
        case 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
