import Synchronization
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
        var n = 0
        var ascii = true
        for b in value.utf8 { if b < 0x80 || b >= 0xC0 { n += 1 }; if b >= 0x80 { ascii = false } }
        self.count = n
        self.isASCII = ascii
        super.init(type: PyType.str)
    }

    public var hashValue: Int {
        let h = hashCache.load(ordering: .relaxed)
        if h != Int.min { return h }
        let computed = Hashing.hashString(value)
        hashCache.store(computed, ordering: .relaxed)
        return computed
    }

    public func hash(into h: inout Hasher) { h.combine(value) }
    public static func == (a: PyStr, b: PyStr) -> Bool { a === b || a.value == b.value }

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
    private let table = Locked<[String: PyStr]>([:])
    func get(_ s: String) -> PyStr {
        table.withLock { t in
            if let p = t[s] { return p }
            let p = PyStr(s)
            p.isInterned = true
            Immortal.make(p)
            t[s] = p
            return p
        }
    }
}

/// `bytes`. Immutable.
public final class PyBytes: PyObject {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes; super.init(type: PyType.bytes) }
    public var hashValue: Int { CPythonHash.bytes(bytes) }
}
