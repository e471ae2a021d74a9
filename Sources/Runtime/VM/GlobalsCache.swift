import Synchronization

/// A per-thread cache for LOAD_GLOBAL, like CPython 3.11's specialized LOAD_GLOBAL: an entry remembers
/// what a name resolved to in a (globals, builtins) pair and the two dicts' write stamps; while neither
/// dict has changed, the lookup costs two atomic loads and a few compares instead of hashing, locking
/// and probing two dicts. Entries hold their dicts strongly, so a dict cannot be freed and another
/// allocated at its address while an entry names it. Names are interned (immortal) strings.
final class GlobalsCache {
    struct Entry {
        /// Identities compared on a hit (raw, so comparing costs no reference counting).
        var name: UnsafeRawPointer?
        var globalsRaw: UnsafeMutableRawPointer?
        var builtinsRaw: UnsafeMutableRawPointer?
        var globalsStamp = 0
        var builtinsStamp = 0
        var value: Value = .null
        /// Keep the two dicts alive while an entry names them.
        var globals: PyDict?
        var builtins: PyDict?
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
    /// LOAD_GLOBAL: `names[i]` in the frame's globals, then its builtins, through the per-thread cache,
    /// written straight into the uninitialized slot `top`. Works on raw pointers on the hit path: a hit
    /// costs no reference counting beyond the result's, and on an immortal object (a module-level
    /// function, a class, a builtin) it is a bitwise copy without any runtime call.
    @inline(never)
    func loadGlobal(_ names: UnsafeMutablePointer<PyStr>, _ i: Int, _ f: Frame, into top: UnsafeMutablePointer<Value>) throws {
        let np = UnsafeRawPointer(names + i).load(as: UnsafeRawPointer.self)
        let gp = f.globalsRaw, bp = f.builtinsRaw
        let idx = Int(((UInt(bitPattern: np) >> 4) ^ (UInt(bitPattern: gp) >> 6)) & UInt(GlobalsCache.size - 1))
        let e = globalsCache.entries + idx
        let gs = Unmanaged<PyDict>.fromOpaque(gp)._withUnsafeGuaranteedRef { $0.stamp.load(ordering: .acquiring) }
        let bs = Unmanaged<PyDict>.fromOpaque(bp)._withUnsafeGuaranteedRef { $0.stamp.load(ordering: .acquiring) }
        if e.pointee.name == np, e.pointee.globalsRaw == gp, e.pointee.builtinsRaw == bp,
           e.pointee.globalsStamp == gs, e.pointee.builtinsStamp == bs {
            withUnsafeMutablePointer(to: &e.pointee.value) { Value.initializeCopy(top, from: $0) }
            return
        }
        top.initialize(to: try loadGlobalMiss(names[i], f, e, gs, bs))
    }

    @inline(never)
    func loadGlobalMiss(_ name: PyStr, _ f: Frame, _ e: UnsafeMutablePointer<GlobalsCache.Entry>, _ gs: Int, _ bs: Int) throws -> Value {
        let g = f.globals, b = f.builtins
        guard let v = g.getStr(name) ?? b.getStr(name) else { throw nameError(name, f) }
        if name.isInterned {
            e.pointee = GlobalsCache.Entry(name: UnsafeRawPointer(Unmanaged.passUnretained(name).toOpaque()),
                                           globalsRaw: f.globalsRaw, builtinsRaw: f.builtinsRaw,
                                           globalsStamp: gs, builtinsStamp: bs, value: v, globals: g, builtins: b)
        }
        return v
    }
}
