import Compiler

/// A Python frame on the heap. Its values (fast locals, then cells and free variables, then the value
/// stack) live in `slots`: a slice of the thread's `ValueArena` for ordinary calls, or a private
/// allocation for generator frames, which must outlive the call that created them.
///
/// Invariant: slots `0..<stackBase` are always initialized; stack slots `stackBase..<sp` are initialized;
/// slots at and above `sp` are uninitialized memory.
public final class Frame {
    // Unowned(unsafe): the frame's function (strong, below) owns its code and globals; module-level
    // frames are run by a caller that holds both; builtins live as long as the interpreter. Skipping
    // their reference counting saves six atomic operations per call.
    public private(set) unowned(unsafe) var code: PyCode
    public private(set) unowned(unsafe) var globals: PyDict
    public private(set) unowned(unsafe) var builtins: PyDict
    /// `globals` and `builtins` as raw pointers, for the LOAD_GLOBAL cache's identity checks (reading
    /// a class reference, even an unowned(unsafe) one, costs a retain/release pair in the eval loop).
    /// `code.evalPointers`, kept in the frame: reading them through `code` at every frame switch cost a
    /// retain/release pair of the code object where the optimizer could not prove it alive.
    private(set) var evalPointers: (UnsafeMutablePointer<Instruction>, UnsafeMutablePointer<Value>, UnsafeMutablePointer<PyStr>)
    private(set) var globalsRaw: UnsafeMutableRawPointer
    private(set) var builtinsRaw: UnsafeMutableRawPointer
    /// Module and class bodies resolve names through this dict (LOAD_NAME/STORE_NAME).
    public var locals: PyDict?
    /// The frame's function, a strong reference kept by hand: set by `init`/`reset`, dropped by `recycle`
    /// (and `deinit`). A plain `PyFunction?` property cost a release of the old value (nil after
    /// `recycle`) on every call.
    private var functionRef: Unmanaged<PyFunction>?
    @usableFromInline var slots: UnsafeMutablePointer<Value>
    private(set) var stackBase: Int
    @usableFromInline var sp: Int
    @usableFromInline var pc: Int = 0
    /// The calling frame within the same run loop (nil for the loop's entry frame). Unowned(unsafe):
    /// callers are kept alive by the VM's frame stack or, for a loop's entry frame, by `eval`'s caller.
    unowned(unsafe) var back: Frame?
    /// Whether the frame belongs to the VM's frame stack (see `VM.frameStack`).
    var stacked = false
    /// Whether `slots` came from the thread arena (and must be returned to it).
    var arenaAllocated: Bool
    /// For an `__init__` frame pushed by the inline class-instantiation path: the new instance, which
    /// the call evaluates to when `__init__` returns None.
    var constructedInstance: Value = .null
    /// The instruction that raised, kept for tracebacks of frames that are unwinding.
    var lastPC: Int = 0
    /// Set while this generator frame runs inline in its caller's eval loop, resumed by a FOR_ITER
    /// (`VM.enterGeneratorInline`): YIELD_VALUE and RETURN_VALUE then switch back to the caller.
    var inlineGenerator: Unmanaged<PyGenerator>?

    init(code: PyCode, globals: PyDict, builtins: PyDict, locals: PyDict?, function: PyFunction?,
         slots: UnsafeMutablePointer<Value>, arenaAllocated: Bool) {
        self.code = code; self.globals = globals; self.builtins = builtins; self.locals = locals
        self.evalPointers = code.evalPointers
        self.globalsRaw = Unmanaged.passUnretained(globals).toOpaque()
        self.builtinsRaw = Unmanaged.passUnretained(builtins).toOpaque()
        self.functionRef = function.map { Unmanaged.passRetained($0) }
        self.slots = slots; self.arenaAllocated = arenaAllocated
        self.stackBase = code.stackBase
        self.sp = stackBase
        (slots).initialize(repeating: .null, count: stackBase)
    }

    /// Reuses a pooled frame for a new call (see `VM.allocateFrame`).
    func reset(code: PyCode, globals: PyDict, builtins: PyDict, function: PyFunction, slots: UnsafeMutablePointer<Value>) {
        functionRef = Unmanaged.passRetained(function)
        reset(code: code, globals: globals, builtins: builtins, slots: slots)
    }

    /// `reset` for a call whose callee reference moves from the caller's stack into the frame: `function`
    /// carries a +1 reference that the frame takes over (no retain here, no release of the stack slot).
    func reset(code: PyCode, globals: PyDict, builtins: PyDict, adopting function: Unmanaged<PyFunction>,
               slots: UnsafeMutablePointer<Value>) {
        functionRef = function
        reset(code: code, globals: globals, builtins: builtins, slots: slots)
    }

    @inline(__always)
    private func reset(code: PyCode, globals: PyDict, builtins: PyDict, slots: UnsafeMutablePointer<Value>) {
        self.code = code; self.globals = globals; self.builtins = builtins
        self.evalPointers = code.evalPointers
        self.globalsRaw = Unmanaged.passUnretained(globals).toOpaque()
        self.builtinsRaw = Unmanaged.passUnretained(builtins).toOpaque()
        self.slots = slots; self.arenaAllocated = true
        self.stackBase = code.stackBase
        self.sp = stackBase
        self.pc = 0
        self.lastPC = 0
        slots.initialize(repeating: .null, count: stackBase)
    }

    deinit { functionRef?.release() }

    /// Drops what a finished frame still references before it goes back to the pool.
    func recycle() {
        functionRef?.release()
        functionRef = nil
        if locals != nil { locals = nil }
        if !constructedInstance.isNull { constructedInstance = .null }
    }

    /// Releases every value the frame still holds. Called exactly once when the frame finishes. The free
    /// variables' slots hold cells lent by the function's closure (`VM.setupCells`): not released.
    func clear() {
        if sp == 0 { return }
        let freeStart = code.nlocals &+ code.ncells
        Value.release(slots, count: freeStart)
        Value.release(slots + stackBase, count: sp &- stackBase)
        sp = 0
    }

    /// The current source line (for tracebacks).
    public var line: Int {
        let i = min(max(lastPC, 0), code.co.positions.count - 1)
        return i >= 0 ? Int(code.co.positions[i].line) : Int(code.co.firstLine)
    }

    /// Where the current instruction came from, as a traceback entry.
    var tracebackEntry: TracebackEntry { TracebackEntry(code: code, pc: lastPC) }

    /// The cell at cell/free index `i`.
    @inline(__always) func cell(_ i: Int) -> PyCell {
        if case .object(let o) = slots[code.nlocals + i] { return unsafeDowncast(o, to: PyCell.self) }
        fatalError("frame cell slot \(i) is not a cell")
    }
}

/// A per-thread bump allocator for frame slots: calls push and pop in LIFO order, so allocation is a
/// pointer increment. Memory comes in chunks; a frame never spans two chunks.
final class ValueArena {
    private var chunks: [UnsafeMutablePointer<Value>] = []
    private var chunkSizes: [Int] = []
    private var current = -1
    private var top = 0
    /// Where each live allocation started (chunk, top), innermost last: a plain buffer, since every
    /// call pushes one and every return pops one.
    private var marks = UnsafeMutablePointer<(Int, Int)>.allocate(capacity: 64)
    private var markCount = 0
    private var markCapacity = 64
    static let chunkSize = 1 << 16

    /// The current chunk's start and size (copies of `chunks[current]` / `chunkSizes[current]`, so the
    /// common case reads no array).
    private var currentBase: UnsafeMutablePointer<Value>?
    private var currentSize = 0

    /// `n` slots after the last allocation: a bump of `top` when the current chunk has room.
    @inline(__always)
    func allocate(_ n: Int) -> UnsafeMutablePointer<Value> {
        // Wrapping arithmetic: the counts are bounded by the checks (and by memory), and overflow
        // checks were a share of every call.
        if markCount < markCapacity, let base = currentBase, top &+ n <= currentSize {
            (marks + markCount).initialize(to: (current, top))
            markCount &+= 1
            let p = base + top
            top &+= n
            return p
        }
        return allocateSlow(n)
    }

    @inline(never)
    private func allocateSlow(_ n: Int) -> UnsafeMutablePointer<Value> {
        if markCount == markCapacity {
            let bigger = UnsafeMutablePointer<(Int, Int)>.allocate(capacity: markCapacity * 2)
            bigger.moveInitialize(from: marks, count: markCount)
            marks.deallocate()
            marks = bigger
            markCapacity *= 2
        }
        (marks + markCount).initialize(to: (current, top))
        markCount += 1
        if current >= 0 && top + n <= chunkSizes[current] {
            let p = chunks[current] + top
            top += n
            return p
        }
        current += 1
        if current == chunks.count {
            let size = max(ValueArena.chunkSize, n)
            chunks.append(.allocate(capacity: size))
            chunkSizes.append(size)
        } else if chunkSizes[current] < n {
            chunks[current].deallocate()
            chunks[current] = .allocate(capacity: n)
            chunkSizes[current] = n
        }
        top = n
        currentBase = chunks[current]
        currentSize = chunkSizes[current]
        return chunks[current]
    }

    @inline(__always)
    func release() {
        precondition(markCount > 0, "arena released more often than allocated")
        markCount &-= 1
        let (c, t) = marks[markCount]
        if c != current {
            current = c
            currentBase = c >= 0 ? chunks[c] : nil
            currentSize = c >= 0 ? chunkSizes[c] : 0
        }
        top = t
    }

    deinit {
        for c in chunks { c.deallocate() }
        marks.deallocate()
    }
}
