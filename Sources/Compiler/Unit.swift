import Syntax

/// A jump target inside one compilation unit; bound to an instruction index later.
struct Label: Hashable {
    let id: Int
}

/// An exception handler being set up (CPython's SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH).
/// Every instruction emitted while the handler is innermost on `Unit.handlerStack` is protected by it.
struct HandlerInfo {
    let label: Label
    let pushLasti: Bool
    /// Instruction index at which the handler was set up; the value-stack depth there (plus `adjust`)
    /// is the depth the handler unwinds to.
    let setupIndex: Int
    let adjust: Int
}

/// CPython's "frame blocks": what `break`, `continue` and `return` must unwind.
enum FBlock {
    case whileLoop(start: Label, exit: Label)
    case forLoop(start: Label, exit: Label)
    /// The body of a `try` with except clauses.
    case tryExcept(handler: Int)
    /// The body of a `try` with a `finally` (the finally body is inlined when unwinding).
    case finallyTry(body: [Stmt], handler: Int)
    /// The finally body on the exceptional path: `[prev_exc, exc]` on the stack.
    case finallyEnd(handler: Int)
    /// A `with` body: `[exit]` on the stack.
    case with(loc: SourceLocation, handler: Int)
    /// The body of an except clause: `[prev_exc]` on the stack; `name` must be deleted.
    case handlerCleanup(name: String?, nameHandler: Int?, cleanupHandler: Int)
    /// Between the except clauses of a try statement.
    case exceptionHandler
    /// A return value kept on the stack while a finally body runs.
    case popValue

    var isLoop: Bool {
        switch self {
        case .whileLoop, .forLoop: return true
        default: return false
        }
    }
}

enum UnitKind {
    case module, classBody, function, lambda, comprehension
}

/// Key for de-duplicating constants: unlike `Constant`'s own equality, it keeps `0.0` and `-0.0` (and
/// NaNs with different payloads) apart, and compares code objects by identity.
struct ConstKey: Hashable {
    let c: Constant

    static func == (a: ConstKey, b: ConstKey) -> Bool { same(a.c, b.c) }

    func hash(into h: inout Hasher) { ConstKey.hashConst(c, &h) }

    static func same(_ a: Constant, _ b: Constant) -> Bool {
        switch (a, b) {
        case (.none, .none), (.true, .true), (.false, .false), (.ellipsis, .ellipsis): return true
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x.bitPattern == y.bitPattern
        case let (.str(x), .str(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case let (.bytes(x), .bytes(y)): return x == y
        case let (.tuple(x), .tuple(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.code(x), .code(y)): return x === y
        default: return false
        }
    }

    static func hashConst(_ c: Constant, _ h: inout Hasher) {
        switch c {
        case .none: h.combine(0)
        case .true: h.combine(1)
        case .false: h.combine(2)
        case .ellipsis: h.combine(3)
        case let .int(v): h.combine(4); h.combine(v)
        case let .float(v): h.combine(5); h.combine(v.bitPattern)
        case let .str(s): h.combine(6); for u in s.unicodeScalars { h.combine(u.value) }
        case let .bytes(b): h.combine(7); h.combine(b)
        case let .tuple(t): h.combine(8); h.combine(t.count); for x in t { hashConst(x, &h) }
        case let .code(o): h.combine(9); h.combine(ObjectIdentifier(o))
        }
    }
}

/// One code object under construction (CPython's `compiler_unit`).
final class Unit {
    let scope: Scope
    let kind: UnitKind
    let name: String
    let qualname: String
    let firstLine: Int32
    /// The class name used for name mangling (inherited by nested scopes).
    var privateName: String?

    var instructions: [Instruction] = []
    var positions: [SourceSpan] = []
    /// For each instruction, the innermost active handler (index into `handlers`) or -1.
    var handlerOf: [Int32] = []
    var labelTargets: [Int] = []
    var handlers: [HandlerInfo] = []
    var handlerStack: [Int] = []
    var fblocks: [FBlock] = []

    var consts: [Constant] = []
    var constIndex: [ConstKey: Int32] = [:]
    var names: [String] = []
    var nameIndex: [String: Int32] = [:]
    var varnames: [String] = []
    var varIndex: [String: Int32] = [:]
    let cellvars: [String]
    let freevars: [String]
    /// Index of a cell / free variable for the deref instructions (cells first, then free variables).
    private var cellIndexMap: [String: Int32] = [:]
    private var freeIndexMap: [String: Int32] = [:]

    var argcount = 0
    var posonlyargcount = 0
    var kwonlyargcount = 0
    var docstring: String?
    /// Location given to emitted instructions (the statement or innermost expression being compiled).
    var loc: SourceLocation

    init(scope: Scope, kind: UnitKind, name: String, qualname: String, firstLine: Int, privateName: String?,
         loc: SourceLocation) {
        self.scope = scope
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.firstLine = Int32(clamping: firstLine)
        self.privateName = privateName
        self.loc = loc
        cellvars = scope.cellvars
        freevars = scope.freevars
        for (i, c) in cellvars.enumerated() where cellIndexMap[c] == nil { cellIndexMap[c] = Int32(i) }
        for (i, f) in freevars.enumerated() where freeIndexMap[f] == nil { freeIndexMap[f] = Int32(cellvars.count + i) }
        for v in scope.varnames { _ = varIndexFor(v) }
    }

    // MARK: emission

    func emit(_ op: Opcode, _ arg: Int32 = 0) {
        instructions.append(Instruction(op, arg))
        positions.append(SourceSpan(loc))
        handlerOf.append(Int32(handlerStack.last ?? -1))
    }

    func newLabel() -> Label {
        labelTargets.append(-1)
        return Label(id: labelTargets.count - 1)
    }

    func bind(_ label: Label) {
        precondition(labelTargets[label.id] == -1, "label bound twice")
        labelTargets[label.id] = instructions.count
    }

    func emitJump(_ op: Opcode, _ label: Label) {
        precondition(op.isJump)
        emit(op, Int32(label.id))
    }

    /// Sets up an exception handler protecting the instructions emitted until `popHandler`.
    func pushHandler(_ label: Label, pushLasti: Bool, adjust: Int = 0) -> Int {
        handlers.append(HandlerInfo(label: label, pushLasti: pushLasti, setupIndex: instructions.count, adjust: adjust))
        let id = handlers.count - 1
        handlerStack.append(id)
        return id
    }

    func popHandler(_ id: Int) {
        precondition(handlerStack.last == id, "exception handler stack out of order")
        handlerStack.removeLast()
    }

    /// Makes an existing handler innermost again (code that, in CPython's CFG, is still inside its block).
    func reactivateHandler(_ id: Int) {
        handlerStack.append(id)
    }

    // MARK: tables

    func addConst(_ c: Constant) -> Int32 {
        let key = ConstKey(c: c)
        if let i = constIndex[key] { return i }
        consts.append(c)
        let i = Int32(consts.count - 1)
        constIndex[key] = i
        return i
    }

    func addName(_ name: String) -> Int32 {
        if let i = nameIndex[name] { return i }
        names.append(name)
        let i = Int32(names.count - 1)
        nameIndex[name] = i
        return i
    }

    func varIndexFor(_ name: String) -> Int32 {
        if let i = varIndex[name] { return i }
        varnames.append(name)
        let i = Int32(varnames.count - 1)
        varIndex[name] = i
        return i
    }

    func cellIndex(_ name: String) -> Int32? {
        cellIndexMap[name]
    }

    func freeIndex(_ name: String) -> Int32? {
        freeIndexMap[name]
    }

    var isFunctionBlock: Bool { scope.isFunctionBlock }
}

extension SourceSpan {
    init(_ loc: SourceLocation) {
        self.init(line: Int32(clamping: loc.line), column: Int32(clamping: loc.column),
                  endLine: Int32(clamping: loc.endLine), endColumn: Int32(clamping: loc.endColumn))
    }
}
