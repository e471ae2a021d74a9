/// `local.a.b` (`self.pos.x`): LOAD_FAST_LOAD_ATTR followed by LOAD_ATTR, as one step that reads the
/// intermediate object (`self.pos`) in place in its owner's inline slot instead of pushing it (a retain)
/// and popping it again (a release): two atomic operations per chained read, the commonest shape of
/// attribute access in methods.
///
/// Only with the GIL on and held: then no other thread can store into the owner between the two reads
/// (every writer holds the GIL), and these reads run no Python code, so the intermediate stays alive in
/// its slot throughout. Without the GIL the two reads would need both objects' locks at once (and a lock
/// order), so the ordinary two-step path runs instead.
extension VM {
    /// Pushes `local.names[i].names[j]` at `top` (uninitialized) when both are plain instance attributes
    /// of plain-class objects and the first is kept inline; false, nothing written, otherwise (the
    /// superinstruction then runs as usual).
    @inline(never)
    func loadAttrChainFast(from local: UnsafeMutablePointer<Value>, into top: UnsafeMutablePointer<Value>,
                           _ names: UnsafeMutablePointer<PyStr>, _ i: Int, _ j: Int) -> Bool {
        guard gilHeld, let ou = Value.peekObject(local) else { return false }
        // Both steps through the classes' cached slots (`instanceSlot`) when they apply.
        let cached: Bool = ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard let s = unretainedName(names, i)._withUnsafeGuaranteedRef({ instanceSlot(t, $0) }) else { return false }
            return unsafeDowncast(o, to: PyInstance.self).withInlineSlotHoldingGIL(s) { slot in
                guard let mu = Value.peekObject(slot) else { return false }
                return copyCachedInstanceAttribute(mu, names, j, into: top)
            }
        } }
        if cached { return true }
        let v: Value? = ou._withUnsafeGuaranteedRef { o in o.typeRef._withUnsafeGuaranteedRef { t in
            guard t.layout == .object, !t.isBuiltin, hasDefaultGetattribute(t) else { return nil }
            return unretainedName(names, i)._withUnsafeGuaranteedRef { name in
                guard typeLacks(t, name) else { return nil }
                return unsafeDowncast(o, to: PyInstance.self).withAttributeSlotHoldingGIL(name) { slot in
                    instanceAttribute(slot, names, j)
                }
            }
        } }
        guard let v else { return false }
        top.initialize(to: v)
        return true
    }
}
