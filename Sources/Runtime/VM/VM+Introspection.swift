import Foundation

/// Read-only views of a thread's frames for reports made while that thread is blocked (the deadlock
/// detector): where it waits, and which variable names refer to an object. Only call these for a VM that
/// is parked in a native wait (or from its own thread): the frames must not change meanwhile.
extension Frame {
    /// The line of the instruction this frame is executing. For the innermost frame during a native call
    /// (a lock's `acquire`) and for every calling frame, `pc` is past the CALL, so `pc - 1` is the call;
    /// `line` (used by tracebacks) only knows the last faulting instruction.
    public var executingLine: Int {
        let n = code.co.positions.count
        guard n > 0 else { return Int(code.co.firstLine) }
        return Int(code.co.positions[min(max(pc - 1, 0), n - 1)].line)
    }

    /// The calling frame within the same run loop.
    public var caller: Frame? { back }

    /// Local variables with their values (fast locals, then cell and free variables); unbound ones left out.
    public var boundLocals: [(String, Value)] {
        var out: [(String, Value)] = []
        let names = code.co.varnames
        for i in 0..<min(code.nlocals, names.count) where !slots[i].isNull { out.append((names[i], slots[i])) }
        let cellNames = code.co.cellvars + code.co.freevars
        for i in 0..<min(code.ncells + code.nfree, cellNames.count) {
            if case .object(let o) = slots[code.nlocals + i], let c = o as? PyCell, !c.contents.isNull {
                out.append((cellNames[i], c.contents))
            }
        }
        if let l = locals {
            for (k, v) in l.items { if let s = k.asObject as? PyStr { out.append((s.value, v)) } }
        }
        return out
    }
}

extension VM {
    /// This thread's frames, innermost first: the current run loop's chain, then the chains of the
    /// frames that called threading's blocking API through its native wrappers (`nativeCallers`).
    public var frameChain: [Frame] {
        var out: [Frame] = []
        var f = currentFrame
        while let fr = f { out.append(fr); f = fr.caller }
        for c in nativeCallers.reversed() {
            var g: Frame? = c
            while let fr = g { out.append(fr); g = fr.caller }
        }
        return out
    }

    /// `file:line` of the innermost frame that is the program's own code (not a frozen module such as
    /// `<frozen threading>`): where a `join()`, `Event.wait()` or `with lock:` was written.
    public var userLocation: String? {
        let chain = frameChain
        let f = chain.first { !$0.code.filename.hasPrefix("<frozen") } ?? chain.first
        guard let fr = f else { return nil }
        return "\(fr.code.filename):\(fr.executingLine)"
    }
}
