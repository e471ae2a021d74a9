/// ASCII fast paths for `str`: they work on the UTF-8 bytes of the strings in place (no intermediate
/// arrays) and build results whose length and ASCII-ness are known, so `PyStr` need not scan them.
enum StrASCII {
    /// A String from bytes known to be ASCII.
    @inline(__always)
    static func string(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        // Small: the bytes copied one by one (a `memcpy` call cost more than the loop for ≤ 15 bytes).
        makeString(n, ascii: true) { q in
            if n <= SmallString.capacity { for i in 0..<n { q[i] = p[i] } } else { q.initialize(from: p, count: n) }
        }
    }

    /// The decimal digits of `n` (`str(n)` for an int that fits a machine word), written straight into
    /// the string: `String(n)` went through the generic integer-to-text path and a protocol witness.
    static func decimal(_ n: Int) -> String {
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 20 digits and a sign
        return withUnsafeMutableBytes(of: &digits) { raw -> String in
            let end = raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + 24
            var p = end
            repeat {
                p -= 1
                p.pointee = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
            } while magnitude != 0
            if n < 0 { p -= 1; p.pointee = 45 }
            let len = end - p
            let start = UnsafePointer(p)
            return makeString(len, ascii: true) { $0.initialize(from: start, count: len) }
        }
    }

    /// A String of exactly `n` UTF-8 bytes written by `fill` (valid UTF-8; `ascii` says whether all are
    /// ASCII). Up to 15 bytes it is built in place as a small string (`SmallString`); longer ones through
    /// `String(unsafeUninitializedCapacity:)`, which validates what `fill` wrote.
    @inline(__always)
    static func makeString(_ n: Int, ascii: Bool, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        if n <= SmallString.capacity && SmallString.enabled { return SmallString.make(n, ascii: ascii, fill) }
        return String(unsafeUninitializedCapacity: n) { out in
            fill(out.baseAddress!)
            return n
        }
    }

    /// `p[a..<b]` as a str (shared one-character strings, the shared empty string).
    @inline(__always)
    static func piece(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Value {
        if a >= b { return .object(StrSupport.empty) }
        if b - a == 1 { return .object(StrSupport.asciiChars[Int(p[a])]) }
        return .object(PyStr(ascii: string(p + a, b - a)))
    }

    /// Python's ASCII whitespace: 9…13 and 28…32, as bits of one word (one compare and a shift for the
    /// common case of a byte above the space).
    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool {
        let mask: UInt64 = 0b11111 << 9 | 0b11111 << 28
        return c < 64 && (mask >> UInt64(c)) & 1 != 0
    }

    /// First index of `n` in `h[start..<end]`, or -1.
    static func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let m = n.count
        if end - start < m { return -1 }
        if m == 0 { return start }
        let hp = h.baseAddress!, np = n.baseAddress!
        let first = np[0]
        var i = start
        let last = end - m
        if m == 1 {
            while i <= last { if hp[i] == first { return i }; i += 1 }
            return -1
        }
        while i <= last {
            if hp[i] == first {
                var k = 1
                while k < m && hp[i + k] == np[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return -1
    }

    static func rfind(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let m = n.count
        if end - start < m { return -1 }
        if m == 0 { return end }
        let hp = h.baseAddress!, np = n.baseAddress!
        var i = end - m
        while i >= start {
            var k = 0
            while k < m && hp[i + k] == np[k] { k += 1 }
            if k == m { return i }
            i -= 1
        }
        return -1
    }

    static func count(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let m = n.count
        if end - start < m { return 0 }
        if m == 0 { return end - start + 1 }
        var c = 0, i = start
        while true {
            let j = find(h, n, i, end)
            if j < 0 { break }
            c += 1
            i = j + m
        }
        return c
    }

    /// `s.split(sep, maxsplit)` for ASCII `s` and `sep` (sep not empty).
    static func split(_ s: PyStr, _ sep: PyStr, _ maxsplit: Int) -> [Value] {
        s.withUTF8 { h in
            sep.withUTF8 { n in
                var maxcount = maxsplit < 0 ? Int.max : maxsplit
                let len = h.count, m = n.count
                guard let p = h.baseAddress else { return [.object(s)] }
                var pieces = 1, k = 0
                while pieces <= maxcount {
                    let pos = find(h, n, k, len)
                    if pos < 0 { break }
                    pieces += 1
                    k = pos + m
                }
                if pieces == 1 { return [.object(s)] }
                var out: [Value] = []
                out.reserveCapacity(pieces)
                var i = 0
                while maxcount > 0 {
                    maxcount -= 1
                    let pos = find(h, n, i, len)
                    if pos < 0 { break }
                    out.append(piece(p, i, pos))
                    i = pos + m
                }
                out.append(i == 0 ? .object(s) : piece(p, i, len))
                return out
            }
        }
    }

    /// `s.split(None, maxsplit)` for ASCII `s`.
    static func splitWhitespace(_ s: PyStr, _ maxsplit: Int) -> [Value] {
        s.withUTF8 { h in
            var out: [Value] = []
            let n = h.count
            guard let p = h.baseAddress else { return out }
            // Room for a typical line's words up front (counting them first cost a pass over the bytes).
            out.reserveCapacity(Swift.min(n / 2 + 1, 16))
            var maxcount = maxsplit < 0 ? Int.max : maxsplit
            var i = 0
            while maxcount > 0 {
                maxcount -= 1
                while i < n && isSpace(p[i]) { i += 1 }
                if i == n { break }
                let j = i
                i += 1
                while i < n && !isSpace(p[i]) { i += 1 }
                if j == 0 && i == n { out.append(.object(s)) } else { out.append(piece(p, j, i)) }
            }
            if i < n {
                while i < n && isSpace(p[i]) { i += 1 }
                if i != n { out.append(piece(p, i, n)) }
            }
            return out
        }
    }

    /// `strip()` (mode 0), `lstrip()` (1), `rstrip()` (2) without argument, ASCII `s`.
    static func strip(_ s: PyStr, _ mode: Int) -> Value {
        s.withUTF8 { h in
            let n = h.count
            guard let p = h.baseAddress else { return .object(s) }
            var a = 0, b = n
            if mode != 2 { while a < b && isSpace(p[a]) { a += 1 } }
            if mode != 1 { while b > a && isSpace(p[b - 1]) { b -= 1 } }
            if a == 0 && b == n { return .object(s) }
            return piece(p, a, b)
        }
    }

    /// `s.replace(old, new, count)` for ASCII `s` and `old` (old not empty, maxCount > 0): counts the
    /// matches, then writes the result once into a string of the exact size.
    static func replace(_ s: PyStr, _ old: PyStr, _ new: PyStr, _ maxCount: Int) -> PyStr {
        s.withUTF8 { h in
            old.withUTF8 { o in
                new.withUTF8 { r in
                    let len = h.count, m = o.count, rn = r.count
                    if m == 1 { return replaceByte(s, h, o[0], new, r, maxCount) }
                    var n = 0, i = 0
                    while n < maxCount {
                        let pos = find(h, o, i, len)
                        if pos < 0 { break }
                        n += 1
                        i = pos + m
                    }
                    if n == 0 { return s }
                    let total = len + n * (rn - m)
                    let p = h.baseAddress!
                    let out = makeString(total, ascii: new.isASCII) { q in
                        var i = 0, w = 0
                        for _ in 0..<n {
                            let pos = find(h, o, i, len)
                            (q + w).initialize(from: p + i, count: pos - i)
                            w += pos - i
                            if rn > 0 { (q + w).initialize(from: r.baseAddress!, count: rn) }
                            w += rn
                            i = pos + m
                        }
                        (q + w).initialize(from: p + i, count: len - i)
                    }
                    return PyStr(out, count: s.count + n * (new.count - old.count), isASCII: new.isASCII)
                }
            }
        }
    }

    /// `replace` of a single byte (`s.replace("a", "4")`): one counting pass and one copying pass over
    /// the bytes, instead of a search call per match and a copy call per piece.
    private static func replaceByte(_ s: PyStr, _ h: UnsafeBufferPointer<UInt8>, _ c: UInt8, _ new: PyStr,
                                    _ r: UnsafeBufferPointer<UInt8>, _ maxCount: Int) -> PyStr {
        let len = h.count, rn = r.count
        guard let p = h.baseAddress else { return s }
        var matches = 0
        for k in 0..<len where p[k] == c { matches += 1 }
        let n = Swift.min(matches, maxCount)
        if n == 0 { return s }
        let total = len + n * (rn - 1)
        let out = makeString(total, ascii: new.isASCII) { q in
            if rn == 1 && n == matches {
                let b = r[0]
                for k in 0..<len { let x = p[k]; q[k] = x == c ? b : x }
                return
            }
            var w = 0, left = n, k = 0
            while k < len {
                let x = p[k]
                if x == c && left > 0 {
                    for j in 0..<rn { q[w + j] = r[j] }
                    w += rn; left -= 1
                } else {
                    q[w] = x; w += 1
                }
                k += 1
            }
        }
        return PyStr(out, count: s.count + n * (new.count - 1), isASCII: new.isASCII)
    }

    /// BUILD_STRING: the concatenation of the `n` strs at `p` (f-string pieces), written once into a string of
    /// the exact size; length and ASCII-ness are summed, not rescanned. Non-str values are skipped, as the
    /// eval loop's current BUILD_STRING does (the compiler only emits strs there).
    static func buildString(_ p: UnsafePointer<Value>, _ n: Int) -> Value {
        // The pieces are read in place (matching `case .object(let o) = p[i]` retained and released each
        // piece, in both passes).
        var bytes = 0, count = 0, ascii = true
        for i in 0..<n {
            withStr(p + i) { s in
                bytes += s.utf8Count
                count += s.count
                if !s.isASCII { ascii = false }
            }
        }
        if bytes == 0 { return .object(StrSupport.empty) }
        let out = makeString(bytes, ascii: ascii) { q in
            var w = 0
            for i in 0..<n { withStr(p + i) { append($0, to: q, at: &w) } }
        }
        return .object(PyStr(out, count: count, isASCII: ascii))
    }

    /// Calls `body` with the exact str at `p`, read in place; does nothing for any other value.
    @inline(__always)
    private static func withStr(_ p: UnsafePointer<Value>, _ body: (PyStr) -> Void) {
        guard let u = Value.peekObject(p) else { return }
        u._withUnsafeGuaranteedRef { o in if o.isExactly(PyStr.self) { body(unsafeDowncast(o, to: PyStr.self)) } }
    }

    /// Copies the UTF-8 of `s` to `q + w` and advances `w`.
    @inline(__always)
    private static func append(_ s: PyStr, to q: UnsafeMutablePointer<UInt8>, at w: inout Int) {
        s.withUTF8 { b in
            if b.count > 0 { (q + w).initialize(from: b.baseAddress!, count: b.count) }
            w += b.count
        }
    }

    /// `sep.join(items)` when every item is a str: one string of the exact size.
    static func join(_ sep: PyStr, _ items: [Value]) throws -> Value {
        try items.withUnsafeBufferPointer { buf in
            let n = buf.count
            guard let p = buf.baseAddress else { return .object(StrSupport.empty) }
            var bytes = 0, count = 0, ascii = sep.isASCII
            for i in 0..<n {
                var found = false
                withStr(p + i) { s in
                    found = true
                    bytes += s.utf8Count
                    count += s.count
                    if !s.isASCII { ascii = false }
                }
                if !found {
                    throw PyError.type("sequence item \(i): expected str instance, \(p[i].typeName) found")
                }
            }
            if n > 1 {
                bytes += (n - 1) * sep.utf8Count
                count += (n - 1) * sep.count
            }
            if bytes == 0 { return .object(StrSupport.empty) }
            let out = sep.withUTF8 { sp in
                makeString(bytes, ascii: ascii) { q in
                    var w = 0
                    for i in 0..<n {
                        if i > 0 && sp.count > 0 { (q + w).initialize(from: sp.baseAddress!, count: sp.count); w += sp.count }
                        withStr(p + i) { append($0, to: q, at: &w) }
                    }
                }
            }
            return .object(PyStr(out, count: count, isASCII: ascii))
        }
    }

    /// `upper()` / `lower()` of an ASCII string.
    static func changeCase(_ s: PyStr, upper: Bool) -> Value {
        let n = s.count
        if n == 0 { return .object(StrSupport.empty) }
        return s.withUTF8 { h in
            let p = h.baseAddress!
            if n == 1 {
                var c = p[0]
                if upper { if c >= 97 && c <= 122 { c -= 32 } } else if c >= 65 && c <= 90 { c += 32 }
                return .object(StrSupport.asciiChars[Int(c)])
            }
            let out = makeString(n, ascii: true) { q in
                if upper {
                    for i in 0..<n { let c = p[i]; q[i] = c &- (c &- 97 < 26 ? 32 : 0) }
                } else {
                    for i in 0..<n { let c = p[i]; q[i] = c &+ (c &- 65 < 26 ? 32 : 0) }
                }
            }
            return .object(PyStr(ascii: out))
        }
    }

    /// Whether `s[start..<end]` (already adjusted) starts or ends with `p`, both ASCII.
    @inline(__always)
    static func tailMatch(_ s: PyStr, _ p: PyStr, _ start: Int, _ end: Int, atEnd: Bool) -> Bool {
        let m = p.count
        if end - start < m { return false }
        if m == 0 { return true }
        return s.withUTF8 { h in
            p.withUTF8 { q in
                let off = atEnd ? end - m : start
                let a = h.baseAddress! + off, b = q.baseAddress!
                for k in 0..<m where a[k] != b[k] { return false }
                return true
            }
        }
    }
}
