import Compiler

/// Entering, switching and finishing the eval loop's frames: module code, generator resumption, the
/// frame switch of calls and returns, and the exception-table lookup of unwinding.
extension VM {
    /// Runs module-level or class-body code with a namespace dict.
    public func runModuleCode(_ code: PyCode, globals: PyDict, locals: PyDict? = nil) throws -> Value {
        let builtins = builtinsDict(for: globals)
        let frame = Frame(code: code, globals: globals, builtins: builtins, locals: locals ?? globals,
                          function: nil, slots: arena.allocate(code.frameSize), arenaAllocated: true)
        return try eval(frame)
    }

    func builtinsDict(for globals: PyDict) -> PyDict {
        if case .object(let o)? = globals.getStr(Names.builtins) {
            if let m = o as? PyModule { return m.dict }
            if let d = o as? PyDict { return d }
        }
        return interp.builtins.dict
    }

    func runGeneratorFrame(_ frame: Frame, throwing exc: PyBaseException?, generator: PyGenerator) throws -> Value {
        let saved = generator.swapInHandled(self)
        defer { generator.swapOutHandled(self, outer: saved) }
        return try eval(frame, pending: exc)
    }

    /// Points the eval loop's frame variable at `next` and makes it the current frame, without reference
    /// counting: the frames a loop switches between are immortal (its entry frame aside, which the
    /// variable holds a real reference to at the start and again whenever the loop leaves, so the
    /// skipped operations cancel out). With plain assignment each call and return cost four runtime
    /// calls (retain the new frame, release the old) that do nothing on immortal objects.
    @inline(__always)
    func switchFrame(_ f: inout Frame, to next: Unmanaged<Frame>) {
        _ = Unmanaged.passRetained(consume f)   // keeps the old reference: no release
        f = next.takeRetainedValue()            // claims one: no retain
        currentFrameRef = next
    }

    /// Finishes a frame that returned or unwound: generator frames keep their memory (the generator
    /// frees it), others give their arena slice back.
    @inline(__always)
    func finishFrame(_ frame: Frame) {
        depth &-= 1
        if frame.arenaAllocated { discardFrame(frame) } else { frame.clear() }
    }

    @inline(__always)
    func findHandler(_ code: PyCode, _ pc: Int) -> ExceptionTableEntry? {
        let p = Int32(pc)
        for e in code.handlers where p >= e.start && p < e.end { return e }
        return nil
    }
}
