import Synchronization

/// A generator: a suspended frame plus its state. Resuming runs the frame in a nested `eval` until it
/// yields or returns; the frame's values live in its own allocation, so nothing is copied on suspend.
public final class PyGenerator: PyObject {
    enum State: Int { case created, suspended, running, finished }
    let frame: Frame
    public let name: String
    public let qualname: String
    private let state = Atomic<Int>(State.created.rawValue)
    /// The exception being handled inside the generator when it last suspended (restored on resume).
    var savedHandled: Value = .none
    /// The resuming frame's handled exception while the generator runs inline (see `enterInline`).
    private var outerHandled: Value = .none

    /// Makes the generator's handled exception the thread's while it runs and returns the resumer's.
    /// A generator handling none of its own sees the resumer's, as CPython's exception-state stack
    /// does (`sys.exc_info()` in a generator resumed inside an `except` block).
    func swapInHandled(_ vm: VM) -> Value {
        let outer = vm.handledException
        vm.handledException = savedHandled.isNone ? outer : savedHandled
        return outer
    }

    /// Undoes `swapInHandled` when the generator suspends or ends: it keeps its own handled exception
    /// (not the resumer's it was only seeing) and the resumer gets `outer` back.
    func swapOutHandled(_ vm: VM, outer: Value) {
        let current = vm.handledException
        savedHandled = current.isIdentical(outer) ? .none : current
        vm.handledException = outer
    }

    init(frame: Frame, function: PyFunction) {
        self.frame = frame
        self.name = function.name
        self.qualname = function.qualname
        super.init(type: PyType.generator)
    }

    deinit {
        // Like CPython's generator finalizer: a generator dropped while suspended is closed, so its
        // `finally` blocks and `with` exits run now (`for x in gen(): break`).
        if state.load(ordering: .relaxed) == State.suspended.rawValue, let vm = VM.current {
            do { try close(vm) } catch let e as PyError {
                vm.interp.stderr.write("Exception ignored in: <generator object \(qualname) at \(RuntimeSetup.address(self))>\n"
                                       + vm.formatException(e.exception), from: vm)
            } catch {}
        }
        if State(rawValue: state.load(ordering: .relaxed)) != .finished {
            frame.clear()
            frame.slots.deallocate()
        }
        // The frame is a pooled immortal one (`VM.allocateFrame`): back to the pool.
        frame.recycle()
        frame.back = nil
        FramePool.giveBack(frame)
    }

    public var isRunning: Bool { state.load(ordering: .relaxed) == State.running.rawValue }
    public var isFinished: Bool { state.load(ordering: .relaxed) == State.finished.rawValue }

    /// `next(gen)`: the next value, or nil when the generator returned.
    public func next(_ vm: VM) throws -> Value? {
        switch try resume(vm, send: .none, throwing: nil) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }

    public enum Outcome { case yielded(Value), returned(Value) }

    /// Resumes with a sent value, or with an exception thrown in at the suspension point.
    public func resume(_ vm: VM, send: Value, throwing exc: PyBaseException?) throws -> Outcome {
        let s = state.load(ordering: .acquiring)
        if s == State.finished.rawValue {
            if let e = exc { throw PyError(e) }
            return .returned(.none)
        }
        if s == State.running.rawValue { throw PyError.value("generator already executing") }
        if s == State.created.rawValue && !send.isNone && exc == nil {
            throw PyError.type("can't send non-None value to a just-started generator")
        }
        if s == State.created.rawValue, let e = exc {
            finish()
            throw PyError(e)
        }
        // Claiming the generator must be atomic only without the GIL (two threads resuming it at once);
        // with the GIL held no other thread can be between the load above and this store, and the
        // compare-exchange was a tenth of a generator step.
        if vm.gilHeld {
            state.store(State.running.rawValue, ordering: .relaxed)
        } else if !state.compareExchange(expected: s, desired: State.running.rawValue, ordering: .acquiringAndReleasing).exchanged {
            throw PyError.value("generator already executing")
        }
        if s == State.suspended.rawValue && exc == nil {
            // The value of the YIELD_VALUE expression.
            (frame.slots + frame.sp).initialize(to: send)
            frame.sp += 1
        }
        do {
            let v = try vm.runGeneratorFrame(frame, throwing: exc, generator: self)
            if vm.yielded {
                vm.yielded = false
                state.store(State.suspended.rawValue, ordering: .releasing)
                return .yielded(v)
            }
            finish()
            return .returned(v)
        } catch let e as PyError {
            finish()
            throw PyError(PyGenerator.escaping(e.exception))
        }
    }

    /// The exception a generator's caller sees for `e` escaping the generator: StopIteration raised
    /// inside becomes RuntimeError (PEP 479), anything else passes unchanged.
    private static func escaping(_ e: PyBaseException) -> PyBaseException {
        guard e.isInstance(of: .stopIteration) else { return e }
        let r = PyBaseException.make(.runtimeError, "generator raised StopIteration")
        r.cause = .object(e); r.context = .object(e)
        return r
    }

    /// Starts or resumes the generator inside the caller's eval loop (FOR_ITER with the GIL held):
    /// claims it, pushes the value of the suspended `yield` (None), swaps in its handled exception and
    /// links its frame to `caller`. nil, nothing changed, unless it is created or suspended (the usual
    /// path then reports "already executing" or exhaustion).
    func enterInline(_ vm: VM, caller: Frame) -> Unmanaged<Frame>? {
        let s = state.load(ordering: .relaxed)
        guard s == State.suspended.rawValue || s == State.created.rawValue else { return nil }
        state.store(State.running.rawValue, ordering: .relaxed)   // the GIL is held: see `resume`
        if s == State.suspended.rawValue {
            (frame.slots + frame.sp).initialize(to: .none)
            frame.sp += 1
        }
        outerHandled = swapInHandled(vm)
        frame.back = caller
        frame.inlineGenerator = Unmanaged.passUnretained(self)
        vm.depth += 1
        return Unmanaged.passUnretained(frame)
    }

    /// The inline run stopped at a `yield`: the generator is suspended again.
    func suspendInline(_ vm: VM) {
        leaveInline(vm)
        vm.depth -= 1
        state.store(State.suspended.rawValue, ordering: .releasing)
    }

    /// The inline run returned (`exc` nil) or raised `exc`; the eval loop already finished (cleared) the
    /// frame. Returns the exception the loop goes on unwinding with, converted as `resume` does.
    func finishInline(_ vm: VM, raising exc: PyBaseException? = nil) -> PyBaseException? {
        leaveInline(vm)
        finish()
        return exc.map(PyGenerator.escaping)
    }

    /// What every end of an inline run undoes: the frame's mark and the handled-exception swap.
    private func leaveInline(_ vm: VM) {
        frame.inlineGenerator = nil
        swapOutHandled(vm, outer: outerHandled)
        outerHandled = .none
    }

    /// Marks the generator finished; its frame was already cleared by the eval loop if it ran.
    private func finish() {
        let old = state.exchange(State.finished.rawValue, ordering: .acquiringAndReleasing)
        if old == State.created.rawValue {
            frame.clear()
            frame.slots.deallocate()
        } else if old == State.running.rawValue {
            frame.slots.deallocate()
        }
    }

    /// `gen.close()`: throws GeneratorExit in; a generator that yields again is an error.
    public func close(_ vm: VM) throws {
        let s = state.load(ordering: .acquiring)
        if s == State.created.rawValue { finish(); return }
        if s == State.finished.rawValue { return }
        do {
            if case .yielded = try resume(vm, send: .none, throwing: PyBaseException(type: .generatorExit)) {
                throw PyError.runtime("generator ignored GeneratorExit")
            }
        } catch let e as PyError where e.exception.isInstance(of: .generatorExit) || e.exception.isInstance(of: .stopIteration) {
        }
    }
}
