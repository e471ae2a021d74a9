import Compiler

/// One line of a traceback: where a frame was when the exception passed through it.
public struct TracebackEntry: @unchecked Sendable {
    // Only the code object and the instruction are kept: an exception that is raised and caught (the
    // common case in a loop) never has its traceback printed, so file, function and line are looked up
    // when read. The code object is immutable, so reading it from any thread is safe.
    private let code: PyCode
    private let pc: Int

    init(code: PyCode, pc: Int) { self.code = code; self.pc = pc }

    private var position: SourceSpan? {
        let n = code.co.positions.count
        return n == 0 ? nil : code.co.positions[min(max(pc, 0), n - 1)]
    }

    public var filename: String { code.filename }
    public var function: String { code.name }
    public var line: Int { position.map { Int($0.line) } ?? Int(code.co.firstLine) }
    /// The span of the failing expression (0-based columns; -1 when unknown), for CPython 3.11's
    /// `~~^~~` markers.
    public var endLine: Int { position.map { Int($0.endLine) } ?? -1 }
    public var column: Int { position.map { Int($0.column) } ?? -1 }
    public var endColumn: Int { position.map { Int($0.endColumn) } ?? -1 }
}

/// An exception instance (of `BaseException` or any subclass, builtin or user-defined).
public final class PyBaseException: PyObject {
    public var args: [Value]
    // Made on first use: most exceptions are raised and caught without anyone setting or reading an
    // attribute, and the dict was a third of the allocations of `raise KeyError(k)`.
    private let lazyDict = LazyDict()
    public var dict: PyDict { lazyDict.dict }
    /// Most recent call last, as printed.
    public var traceback: [TracebackEntry] { unwound.reversed().map(\.entry) }
    /// The frames the exception passed through, innermost first (appended as it unwinds outward;
    /// inserting each at the front of `traceback` reallocated two arrays per frame), with the frame
    /// each entry came from, so that re-raising in the same frame adds no duplicate line.
    var unwound: [(entry: TracebackEntry, frame: ObjectIdentifier)] = []

    /// Whether the last frame recorded is `id` (re-raising in the same frame adds no line).
    @inline(__always)
    func lastUnwound(is id: ObjectIdentifier) -> Bool { unwound.last?.frame == id }

    /// Records that the exception passes through frame `id` at `entry`.
    func noteUnwinding(through id: ObjectIdentifier, at entry: TracebackEntry) {
        if unwound.isEmpty { unwound.reserveCapacity(4) }
        unwound.append((entry, id))
    }
    public var cause: Value = .none
    public var context: Value = .none
    public var suppressContext = false
    /// For SyntaxError raised by the compiler: the CPython-style display (file, line, caret, message).
    public var syntaxErrorDisplay: String?
    /// Set on NameError/AttributeError raised by the VM: what the "Did you mean" hint is computed from.
    var suggestionContext: SuggestionContext?

    public init(type: PyType, args: [Value] = []) {
        self.args = args
        super.init(type: type)
    }

    public override var instanceDict: PyDict? { dict }

    /// An exception of a builtin type with a message.
    public static func make(_ type: PyType, _ message: String) -> PyBaseException {
        PyBaseException(type: type, args: [.str(message)])
    }

    public func isInstance(of t: PyType) -> Bool { type.isSubtype(of: t) }

    /// `str(exc)` for builtin cases that need no Python code (the VM handles user `__str__`).
    public var messageText: String {
        if args.isEmpty { return "" }
        if args.count == 1 {
            if type.isSubtype(of: .keyError) { return Repr.fast(args[0]) ?? "" }
            if case .object(let o) = args[0], let s = o as? PyStr { return s.value }
            return Repr.fast(args[0]) ?? ""
        }
        return Repr.fast(.object(PyTuple(args))) ?? ""
    }
}

extension PyType {
    private static func exc(_ name: String, _ base: PyType) -> PyType {
        PyType(builtin: name, base: base, layout: .exception)
    }
    public static let baseException = PyType(builtin: "BaseException", base: .object, layout: .exception)
    public static let systemExit = exc("SystemExit", baseException)
    public static let keyboardInterrupt = exc("KeyboardInterrupt", baseException)
    public static let generatorExit = exc("GeneratorExit", baseException)
    public static let exception = exc("Exception", baseException)
    public static let stopIteration = exc("StopIteration", exception)
    public static let arithmeticError = exc("ArithmeticError", exception)
    public static let zeroDivisionError = exc("ZeroDivisionError", arithmeticError)
    public static let overflowError = exc("OverflowError", arithmeticError)
    public static let assertionError = exc("AssertionError", exception)
    public static let attributeError = exc("AttributeError", exception)
    public static let lookupError = exc("LookupError", exception)
    public static let indexError = exc("IndexError", lookupError)
    public static let keyError = exc("KeyError", lookupError)
    public static let nameError = exc("NameError", exception)
    public static let unboundLocalError = exc("UnboundLocalError", nameError)
    public static let runtimeError = exc("RuntimeError", exception)
    public static let recursionError = exc("RecursionError", runtimeError)
    public static let notImplementedError = exc("NotImplementedError", runtimeError)
    public static let typeError = exc("TypeError", exception)
    public static let valueError = exc("ValueError", exception)
    public static let unicodeError = exc("UnicodeError", valueError)
    public static let unicodeDecodeError = exc("UnicodeDecodeError", unicodeError)
    public static let unicodeEncodeError = exc("UnicodeEncodeError", unicodeError)
    public static let importError = exc("ImportError", exception)
    public static let moduleNotFoundError = exc("ModuleNotFoundError", importError)
    public static let osError = exc("OSError", exception)
    public static let fileNotFoundError = exc("FileNotFoundError", osError)
    public static let timeoutError = exc("TimeoutError", osError)
    public static let eofError = exc("EOFError", exception)
    public static let memoryError = exc("MemoryError", exception)
    public static let syntaxError = exc("SyntaxError", exception)
    public static let indentationError = exc("IndentationError", syntaxError)
    public static let tabError = exc("TabError", indentationError)
    public static let bufferError = exc("BufferError", exception)
    public static let warning = exc("Warning", exception)
    public static let userWarning = exc("UserWarning", warning)
    public static let deprecationWarning = exc("DeprecationWarning", warning)
    public static let runtimeWarning = exc("RuntimeWarning", warning)

    /// Every builtin exception type, for the builtins module.
    public static let allExceptionTypes: [PyType] = [
        baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration,
        arithmeticError, zeroDivisionError, overflowError, assertionError, attributeError, lookupError,
        indexError, keyError, nameError, unboundLocalError, runtimeError, recursionError,
        notImplementedError, typeError, valueError, unicodeError, unicodeDecodeError, unicodeEncodeError,
        importError, moduleNotFoundError, osError, fileNotFoundError, timeoutError, eofError, memoryError,
        syntaxError, indentationError, tabError, bufferError, warning, userWarning, deprecationWarning,
        runtimeWarning,
    ]
}

extension PyError {
    public static func type(_ msg: String) -> PyError { PyError(.make(.typeError, msg)) }
    public static func value(_ msg: String) -> PyError { PyError(.make(.valueError, msg)) }
    public static func index(_ msg: String) -> PyError { PyError(.make(.indexError, msg)) }
    public static func attribute(_ msg: String) -> PyError { PyError(.make(.attributeError, msg)) }
    public static func runtime(_ msg: String) -> PyError { PyError(.make(.runtimeError, msg)) }
    public static func zeroDivision(_ msg: String) -> PyError { PyError(.make(.zeroDivisionError, msg)) }
    public static func overflow(_ msg: String) -> PyError { PyError(.make(.overflowError, msg)) }
    public static func name(_ msg: String) -> PyError { PyError(.make(.nameError, msg)) }
    public static func key(_ key: Value) -> PyError { PyError(PyBaseException(type: .keyError, args: [key])) }
    public static func stopIteration(_ value: Value = .null) -> PyError {
        PyError(PyBaseException(type: .stopIteration, args: value.isNull ? [] : [value]))
    }
}
