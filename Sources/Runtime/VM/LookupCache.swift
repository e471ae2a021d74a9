import Synchronization

/// A per-thread cache of class attribute lookups (`type.lookup(name)` walks the MRO's dicts), like
/// CPython's method cache. Entries are keyed by the identities of the type and of an interned name, and
/// are valid only for the epoch they were filled in: any change to any class's attributes bumps
/// `PyType.epoch`. Being per VM, it needs no locking.
final class LookupCache {
    struct Entry {
        var type: UnsafeRawPointer?
        var name: UnsafeRawPointer?
        var epoch: Int
        var value: Value?
    }
    static let size = 1024
    let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: LookupCache.size)
        entries.initialize(repeating: Entry(type: nil, name: nil, epoch: -1, value: nil), count: LookupCache.size)
    }

    deinit {
        entries.deinitialize(count: LookupCache.size)
        entries.deallocate()
    }
}

extension VM {
    /// `type.lookup(name)` through the per-thread cache (interned names only; others go straight through).
    @inline(__always)
    public func lookupCached(_ type: PyType, _ name: PyStr) -> Value? {
        guard name.isInterned else { return type.lookup(name) }
        return cacheEntry(type, name).pointee.value
    }

    /// Whether `type` has no attribute `name` anywhere on its MRO — the instance-attribute fast paths'
    /// question, answered from the cache without copying (retaining) the cached value.
    @inline(__always)
    func typeLacks(_ type: PyType, _ name: PyStr) -> Bool {
        guard name.isInterned else { return type.lookup(name) == nil }
        if case .none = cacheEntry(type, name).pointee.value { return true }
        return false
    }

    /// The cache entry for (type, name), filled in if stale. `name` must be interned.
    @inline(__always)
    func cacheEntry(_ type: PyType, _ name: PyStr) -> UnsafeMutablePointer<LookupCache.Entry> {
        let tp = UnsafeRawPointer(Unmanaged.passUnretained(type).toOpaque())
        let np = UnsafeRawPointer(Unmanaged.passUnretained(name).toOpaque())
        let idx = Int(((UInt(bitPattern: tp) >> 4) ^ (UInt(bitPattern: np) >> 3)) & UInt(LookupCache.size - 1))
        let epoch = PyType.epoch.load(ordering: .acquiring)
        let e = lookupCache.entries + idx
        if e.pointee.type == tp && e.pointee.name == np && e.pointee.epoch == epoch { return e }
        let v = type.lookup(name)
        e.pointee = LookupCache.Entry(type: tp, name: np, epoch: epoch, value: v)
        return e
    }
}
