import Synchronization

/// A per-thread cache for LOAD_GLOBAL, like CPython 3.11's specialized LOAD_GLOBAL: an entry remembers
/// what a name resolved to in a (globals, builtins) pair and the two dicts' write stamps; while neither
/// dict has changed, the lookup costs two atomic loads and a few compares instead of hashing, locking
/// and probing two dicts. Entries hold their dicts strongly, so a dict cannot be freed and another
/// allocated at its address while an entry names it. Names are interned (immortal) strings.
final class GlobalsCache {
    struct Entry {
        var name: UnsafeRawPointer?
        var globals: PyDict?
        var builtins: PyDict?
        var globalsStamp = 0
        var builtinsStamp = 0
        var value: Value = .null
    }
    static let size = 512
    let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: GlobalsCache.size)
        entries.initialize(repeating: Entry(), count: GlobalsCache.size)
    }

    deinit {
        entries.deinitialize(count: GlobalsCache.size)
        entries.deallocate()
    }
}

extension VM {
    /// LOAD_GLOBAL: `name` in the frame's globals, then its builtins, through the per-thread cache.
    @inline(never)
    func loadGlobal(_ name: PyStr, _ f: Frame) throws -> Value {
        let g = f.globals, b = f.builtins
        let np = UnsafeRawPointer(Unmanaged.passUnretained(name).toOpaque())
        let gp = UInt(bitPattern: Unmanaged.passUnretained(g).toOpaque())
        let idx = Int(((UInt(bitPattern: np) >> 4) ^ (gp >> 6)) & UInt(GlobalsCache.size - 1))
        let e = globalsCache.entries + idx
        let gs = g.stamp.load(ordering: .acquiring)
        let bs = b.stamp.load(ordering: .acquiring)
        if e.pointee.name == np, e.pointee.globals === g, e.pointee.builtins === b,
           e.pointee.globalsStamp == gs, e.pointee.builtinsStamp == bs {
            return e.pointee.value
        }
        guard let v = g.getStr(name) ?? b.getStr(name) else { throw nameError(name, f) }
        if name.isInterned {
            e.pointee = GlobalsCache.Entry(name: np, globals: g, builtins: b, globalsStamp: gs, builtinsStamp: bs, value: v)
        }
        return v
    }
}
