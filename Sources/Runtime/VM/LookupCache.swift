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
        /// For the instance-attribute fast paths: the inline slot (`InstanceKeys`) where instances of
        /// `type` keep `name`, `notInstanceSlot` when those paths do not apply to (type, name), or
        /// `unresolved` until asked (see `VM.instanceSlot`).
        var slot: Int32 = LookupCache.unresolved
    }
    static let unresolved: Int32 = -2
    static let notInstanceSlot: Int32 = -1
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

    /// The inline slot where instances of the plain class `type` keep the attribute `name` (interned),
    /// when an instance attribute read or write may go straight to it: the class has the default
    /// `__getattribute__` and `__setattr__` and nothing of that name on its MRO (so no descriptor),
    /// and some instance has stored `name` (slots are fixed once given). Cached with the class lookup
    /// for the current epoch, so a hit is one probe instead of the class-facts check, the lookup-cache
    /// probe and the scan of the class's keys.
    @inline(__always)
    func instanceSlot(_ type: PyType, _ name: PyStr) -> Int? {
        guard name.isInterned else { return nil }
        let e = cacheEntry(type, name)
        let s = e.pointee.slot
        if s >= 0 { return Int(s) }
        if s == LookupCache.notInstanceSlot { return nil }
        return resolveInstanceSlot(e, type, name)
    }

    @inline(never)
    func resolveInstanceSlot(_ e: UnsafeMutablePointer<LookupCache.Entry>, _ type: PyType, _ name: PyStr) -> Int? {
        guard case .none = e.pointee.value, type.layout == .object, !type.isBuiltin,
              hasDefaultGetattribute(type), hasDefaultSetattr(type) else {
            e.pointee.slot = LookupCache.notInstanceSlot
            return nil
        }
        // Not stored by any instance yet: stays unresolved, asked again next time.
        guard let k = type.instanceKeys.slot(of: name) else { return nil }
        e.pointee.slot = Int32(k)
        return k
    }
}
