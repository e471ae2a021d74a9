import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt

/// `str`. Immutable. Python indexes strings by code point, so `count` is the number of Unicode scalars;
/// ASCII strings (the common case) index their UTF-8 bytes directly.
public final class PyStr: PyObject, Hashable {
    public let value: String
    /// Number of code points.
    public let count: Int
    public let isASCII: Bool
    /// Interned strings live forever, so their identity can key caches (see `VM.lookupCached`).
    public internal(set) var isInterned = false
    private let hashCache = Atomic<Int>(Int.min)

    public init(_ value: String) {
        self.value = value
        let (n, ascii) = PyStr.measure(value)
        self.count = n
        self.isASCII = ascii
        super.init(type: PyType.str)
    }

    /// A string the caller knows is ASCII (built from ASCII bytes): no scan.
    @inline(__always)
    init(ascii value: String) {
        self.value = value
        self.count = value.utf8.count
        self.isASCII = true
        super.init(type: PyType.str)
    }

    /// A string whose code point count and ASCII-ness the caller already knows.
    @inline(__always)
    init(_ value: String, count: Int, isASCII: Bool) {
        self.value = value
        self.count = count
        self.isASCII = isASCII
        super.init(type: PyType.str)
    }

    /// (code points, is ASCII) of a string, scanning its UTF-8 eight bytes at a time.
    @inline(__always)
    static func measure(_ s: String) -> (Int, Bool) {
        if let r = s.utf8.withContiguousStorageIfAvailable({ measure($0) }) { return r }
        var n = 0
        var ascii = true
        for b in s.utf8 { if b < 0x80 || b >= 0xC0 { n += 1 }; if b >= 0x80 { ascii = false } }
        return (n, ascii)
    }

    static func measure(_ buf: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        let n = buf.count
        guard let p = buf.baseAddress else { return (0, true) }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n && p[i] < 0x80 { i += 1 }
        if i == n { return (n, true) }
        var count = i
        while i < n { if p[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
        return (count, false)
    }

    /// Runs `body` on the UTF-8 bytes of the string (no copy for native and small strings).
    @inline(__always)
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try value.utf8.withContiguousStorageIfAvailable(body) { return r }
        var v = value
        return try v.withUTF8(body)
    }

    /// Length of the UTF-8 encoding (constant time for native strings).
    @inline(__always) var utf8Count: Int { value.utf8.count }

    public var hashValue: Int {
        let h = hashCache.load(ordering: .relaxed)
        if h != Int.min { return h }
        let computed = Hashing.hashString(value)
        hashCache.store(computed, ordering: .relaxed)
        return computed
    }

    public func hash(into h: inout Hasher) { h.combine(value) }
    public static func == (a: PyStr, b: PyStr) -> Bool { equal(a, b) }

    /// Code point equality: the UTF-8 bytes are equal (Swift's `==` on String is canonical
    /// equivalence, under which "\u{e9}" == "e\u{301}", which Python's is not).
    @inline(__always)
    public static func equal(_ a: PyStr, _ b: PyStr) -> Bool {
        if a === b { return true }
        if a.count != b.count { return false }
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    /// Three-way code point comparison (UTF-8 byte order is code point order).
    public static func compare(_ a: PyStr, _ b: PyStr) -> Int {
        if a === b { return 0 }
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = Swift.min(x.count, y.count)
                if n > 0 {
                    let c = memcmp(x.baseAddress!, y.baseAddress!, n)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
    }

    /// The code points, for indexing and slicing non-ASCII strings.
    public var scalars: [Unicode.Scalar] { Array(value.unicodeScalars) }

    /// The code point at `i` (0 ≤ i < count) as a one-character string.
    public func character(at i: Int) -> String {
        if isASCII {
            let b = value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: i)]
            return String(UnicodeScalar(b))
        }
        let u = value.unicodeScalars
        return String(u[u.index(u.startIndex, offsetBy: i)])
    }

    /// Interned strings for names the runtime looks up often (dunder methods, attribute names).
    public static func intern(_ s: String) -> PyStr {
        InternTable.shared.get(s)
    }
}

final class InternTable: @unchecked Sendable {
    static let shared = InternTable()
    private let table = Locked<[Key: PyStr]>([:])
    func get(_ s: String) -> PyStr {
        table.withLock { t in
            if let p = t[Key(s)] { return p }
            let p = PyStr(s)
            p.isInterned = true
            Immortal.make(p)
            t[Key(s)] = p
            return p
        }
    }

    /// A String compared and hashed by its UTF-8 bytes (code points), not by canonical equivalence as
    /// String's own `==` does: "\u{e9}" and "e\u{301}" are different Python strings.
    struct Key: Hashable {
        let s: String
        init(_ s: String) { self.s = s }
        static func == (a: Key, b: Key) -> Bool { a.s.utf8.elementsEqual(b.s.utf8) }
        func hash(into h: inout Hasher) {
            if s.utf8.withContiguousStorageIfAvailable({ h.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for b in s.utf8 { h.combine(b) }
            }
        }
    }
}

/// `bytes`. Immutable.
public final class PyBytes: PyObject {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes; super.init(type: PyType.bytes) }
    public var hashValue: Int { CPythonHash.bytes(bytes) }
}
