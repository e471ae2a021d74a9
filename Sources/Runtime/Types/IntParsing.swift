import BigInt
import Foundation

/// `int(str, base)` and `float(str)` with CPython's literal rules and error messages.
enum NumberParsing {
    /// Python's `str.isspace` for one code point.
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0d, 0x1c...0x20: return true
        case 0..<0x80: return false
        default:
            return u.properties.isWhitespace || u.properties.generalCategory == .spaceSeparator
        }
    }

    /// The value of a digit in bases up to 36 (Unicode decimal digits included), or nil.
    @inline(__always)
    static func digitValue(_ u: Unicode.Scalar) -> Int? {
        switch u.value {
        case 48...57: return Int(u.value) - 48
        case 97...122: return Int(u.value) - 87
        case 65...90: return Int(u.value) - 55
        case 0..<128: return nil
        default:
            if u.properties.numericType == .decimal, let v = u.properties.numericValue { return Int(v) }
            return nil
        }
    }

    static func stripped(_ s: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var a = 0, b = s.count
        while a < b && isSpace(s[a]) { a += 1 }
        while b > a && isSpace(s[b - 1]) { b -= 1 }
        return s[a..<b]
    }

    /// Parses an integer literal; nil when invalid. `base` is 0 or 2...36.
    static func parseInt(_ text: String, base: Int) throws -> Value? {
        if base == 10 || base == 0, let v = simpleDecimal(text, base) { return .int(v) }
        let all = Array(text.unicodeScalars)
        var s = stripped(all)
        var negative = false
        if let f = s.first, f == "+" || f == "-" { negative = f == "-"; s = s.dropFirst() }
        var b = base
        var idx = s.startIndex
        let end = s.endIndex
        // Prefix.
        if end - idx >= 2 && s[idx] == "0" {
            let p = s[idx + 1]
            let pb: Int? = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : (p == "b" || p == "B") ? 2 : nil
            if let pb = pb, b == 0 || b == pb {
                b = pb
                idx += 2
                // An underscore may follow the prefix.
                if idx < end && s[idx] == "_" { idx += 1 }
                if idx >= end { return nil }
            }
        }
        if b == 0 {
            // Decimal: no leading zeros unless the value is zero.
            b = 10
            if idx < end && s[idx] == "0" {
                var j = idx
                while j < end && (s[j] == "0" || s[j] == "_") { j += 1 }
                if j != end { return nil }
                if s[end - 1] == "_" { return nil }
                var k = idx
                while k < end - 1 { if s[k] == "_" && s[k + 1] == "_" { return nil }; k += 1 }
                return .int(0)
            }
        }
        if idx >= end { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(end - idx)
        var lastUnderscore = false
        var first = true
        while idx < end {
            let u = s[idx]
            if u == "_" {
                if lastUnderscore || first { return nil }
                lastUnderscore = true
            } else {
                guard let d = digitValue(u), d < b else { return nil }
                digits.append(UInt8(d))
                lastUnderscore = false
            }
            first = false
            idx += 1
        }
        if lastUnderscore || digits.isEmpty { return nil }
        if b & (b - 1) != 0 && digits.count > 4300 {
            throw PyError.value("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        if digits.count <= 12 || (b <= 10 && digits.count <= 18) {
            var v = 0
            for d in digits { v = v * b + Int(d) }
            return .int(negative ? -v : v)
        }
        let big = bigFromDigits(digits, base: b)
        return .integer(negative ? -big : big)
    }

    /// Fast path of `parseInt`: an optional sign and 1 to 18 ASCII decimal digits, nothing else (no
    /// spaces, underscores or prefixes), and no leading zero under base 0. nil means "use the general parser".
    @inline(__always)
    static func simpleDecimal(_ text: String, _ base: Int) -> Int? {
        let u = text.utf8
        let n = u.count
        if n == 0 || n > 19 { return nil }
        return u.withContiguousStorageIfAvailable { b -> Int? in
            var i = 0
            var negative = false
            if b[0] == 45 || b[0] == 43 { negative = b[0] == 45; i = 1 }
            let digits = n - i
            if digits == 0 || digits > 18 { return nil }
            if base == 0 && digits > 1 && b[i] == 48 { return nil }
            var v = 0
            while i < n {
                let d = b[i] &- 48
                if d > 9 { return nil }
                v = v &* 10 &+ Int(d)
                i += 1
            }
            return negative ? -v : v
        } ?? nil
    }

    /// Accumulates digits (values < base) into a BigInt, several digits per multiplication.
    static func bigFromDigits(_ digits: [UInt8], base: Int) -> BigInt {
        var chunk = 1, perChunk = 0
        while chunk <= Int.max / base / base { chunk *= base; perChunk += 1 }
        var result = BigInt(0)
        var i = 0
        while i < digits.count {
            let n = Swift.min(perChunk, digits.count - i)
            var v = 0, scale = 1
            for k in 0..<n { v = v * base + Int(digits[i + k]); scale *= base }
            result = result * BigInt(scale) + BigInt(v)
            i += n
        }
        return result
    }

    static func intFromString(_ s: String, base: Int, original: Value) throws -> Value {
        if let v = try parseInt(s, base: base) { return v }
        let r = Repr.fast(original) ?? "'\(s)'"
        throw PyError.value("invalid literal for int() with base \(base): \(r)")
    }

    /// Parses a float literal as `float()` accepts it (underscores between digits, inf/nan words);
    /// nil when invalid.
    static func parseFloat(_ text: String) -> Double? {
        let all = Array(text.unicodeScalars)
        let s = stripped(all)
        if s.isEmpty { return nil }
        var ascii = ""
        ascii.reserveCapacity(s.count)
        var prev: Unicode.Scalar? = nil
        for (i, u) in s.enumerated() {
            if u == "_" {
                // Only between two digits.
                guard let p = prev, digitValue(p).map({ $0 < 10 }) == true, i + 1 < s.count,
                      let n = digitValue(s[s.startIndex + i + 1]), n < 10 else { return nil }
                prev = u
                continue
            }
            if u.value < 128 {
                ascii.unicodeScalars.append(u)
            } else if u.properties.numericType == .decimal, let v = u.properties.numericValue {
                ascii += String(Int(v))
            } else {
                return nil
            }
            prev = u
        }
        var body = Substring(ascii)
        var negative = false
        if let f = body.first, f == "+" || f == "-" { negative = f == "-"; body = body.dropFirst() }
        let lower = body.lowercased()
        if lower == "inf" || lower == "infinity" { return negative ? -.infinity : .infinity }
        if lower == "nan" { return negative ? -.nan : .nan }
        // digits [. digits] [e [sign] digits], at least one digit in the mantissa.
        var sawDigit = false, sawExpDigit = true
        var state = 0  // 0 int part, 1 fraction, 2 exponent sign, 3 exponent digits
        for c in body.utf8 {
            switch c {
            case 48...57:
                if state <= 1 { sawDigit = true } else { state = 3; sawExpDigit = true }
            case UInt8(ascii: "."):
                if state != 0 { return nil }
                state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if state >= 2 || !sawDigit { return nil }
                state = 2; sawExpDigit = false
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if state != 2 || sawExpDigit { return nil }
                state = 3
            default: return nil
            }
        }
        if !sawDigit || !sawExpDigit { return nil }
        guard let d = Double(String(body)) else { return nil }
        return negative ? -d : d
    }

    static func floatFromString(_ s: String, original: Value) throws -> Double {
        if let d = parseFloat(s) { return d }
        let r = Repr.fast(original) ?? "'\(s)'"
        throw PyError.value("could not convert string to float: \(r)")
    }
}
