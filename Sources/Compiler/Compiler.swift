import BigInt
import Syntax

// The compiler's entry points, shared helpers, and the core of `CodeGen`:
// units, emission helpers, name access and the module body. Statements,
// control flow, try/with, expressions, calls, displays, functions and
// comprehensions are compiled in the CodeGen*.swift files.

public enum CompileMode: Sendable, Hashable {
    /// A module / script.
    case exec
    /// REPL input: module-level expression statements print their value (`printExpr`).
    case interactive
    /// A single expression whose value the code returns.
    case eval
}

/// Compiles `Syntax` ASTs into `CodeObject`s, following CPython 3.11's compile.c and symtable.c.
public enum Compiler {
    /// Compiles a parsed module. Compile-time errors are thrown as `SyntaxError`.
    /// In `eval` mode the module must consist of a single expression statement.
    public static func compile(_ module: Module, filename: String, mode: CompileMode) throws -> CodeObject {
        try compile(module, filename: filename, mode: mode, source: nil)
    }

    /// Parses and compiles `source`.
    public static func compile(source: String, filename: String, mode: CompileMode) throws -> CodeObject {
        let module = try parseForCompile(source: source, filename: filename, mode: mode)
        return try compile(module, filename: filename, mode: mode, source: source)
    }

    /// As `compile(_:filename:mode:)`; `source` (when known) provides the text of error lines.
    public static func compile(_ module: Module, filename: String, mode: CompileMode, source: String?) throws -> CodeObject {
        let top = try SymbolTableBuilder.build(module, filename: filename, source: source)
        let gen = CodeGen(filename: filename, source: source, mode: mode)
        return try gen.compileModule(module, top: top)
    }
}

/// Parses `source` with the entry point matching `mode`; eval input becomes a one-statement module.
func parseForCompile(source: String, filename: String, mode: CompileMode) throws -> Module {
    switch mode {
    case .exec:
        return try Parser.parseModule(source, filename: filename)
    case .interactive:
        return try Parser.parseInteractive(source, filename: filename)
    case .eval:
        let e = try Parser.parseExpression(source, filename: filename)
        return Module(body: [Stmt(.expr(value: e), loc: e.loc)])
    }
}

/// CPython's STACK_USE_GUIDELINE: longer displays / argument lists are built incrementally.
let stackUseGuideline = 30

/// Converts a `Syntax` constant.
func convertConstant(_ c: Syntax.Constant) -> Constant {
    switch c {
    case .none: return .none
    case .true: return .true
    case .false: return .false
    case .ellipsis: return .ellipsis
    case let .int(digits): return .int(BigInt(digits) ?? 0)
    case let .float(d): return .float(d)
    case let .str(s): return .str(s)
    case let .bytes(b): return .bytes(b)
    }
}

/// The value of an expression that CPython's AST optimizer turns into a constant: literals, `__debug__`,
/// tuples of constants, and `-` applied to an int or float constant.
func constantValue(_ e: Expr) -> Constant? {
    switch e.kind {
    case let .constant(c):
        return convertConstant(c)
    case let .name(id) where id == "__debug__":
        return .true
    case let .tuple(elts):
        var items: [Constant] = []
        items.reserveCapacity(elts.count)
        for x in elts {
            guard let c = constantValue(x) else { return nil }
            items.append(c)
        }
        return .tuple(items)
    case let .unaryOp(.uSub, operand):
        switch constantValue(operand) {
        case let .int(v)?: return .int(-v)
        case let .float(d)?: return .float(-d)
        default: return nil
        }
    default:
        return nil
    }
}

/// Truthiness of a constant, for folding conditional jumps.
func constantTruth(_ c: Constant) -> Bool {
    switch c {
    case .none, .false: return false
    case .true, .ellipsis, .code: return true
    case let .int(v): return v != 0
    case let .float(d): return d != 0
    case let .str(s): return !s.isEmpty
    case let .bytes(b): return !b.isEmpty
    case let .tuple(t): return !t.isEmpty
    }
}

func isStarred(_ e: Expr) -> Bool {
    if case .starred = e.kind { return true }
    return false
}

/// The docstring of a body: its first statement, if that is a string constant expression.
func docstring(of body: [Stmt]) -> String? {
    guard let first = body.first, case let .expr(v) = first.kind, case let .constant(.str(s)) = v.kind else {
        return nil
    }
    return s
}

/// How CPython names an expression in "cannot assign to ..." messages (see `Expr.cpythonName`).
func exprName(_ e: Expr) -> String { e.cpythonName }

enum NameContext { case load, store, del }

/// The code generator (CPython's `struct compiler`): one `Unit` per code object being built.
final class CodeGen {
    let filename: String
    let source: String?
    let mode: CompileMode
    var unitStack: [Unit] = []
    var unit: Unit { unitStack[unitStack.count - 1] }

    init(filename: String, source: String?, mode: CompileMode) {
        self.filename = filename
        self.source = source
        self.mode = mode
    }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message: message, filename: filename, loc: loc, source: source)
    }

    func internalError(_ message: String) -> SyntaxError {
        error("internal compiler error: \(message)", unit.loc)
    }

    // MARK: units

    func computeQualname(_ name: String, _ kind: UnitKind) -> String {
        guard let parent = unitStack.last, parent.kind != .module else { return name }
        if kind == .function || kind == .classBody {
            let mangled = mangle(parent.privateName, name)
            if parent.scope.scope(of: mangled) == .globalExplicit { return name }
        }
        if parent.kind == .function || parent.kind == .lambda {
            return parent.qualname + ".<locals>." + name
        }
        return parent.qualname + "." + name
    }

    func enterUnit(_ scope: Scope, _ kind: UnitKind, name: String, firstLine: Int, loc: SourceLocation) {
        let qualname = computeQualname(name, kind)
        let u = Unit(scope: scope, kind: kind, name: name, qualname: qualname, firstLine: firstLine,
                     privateName: unitStack.last?.privateName, loc: loc)
        unitStack.append(u)
        if scope.isGenerator { emit(.returnGenerator) }
    }

    func finishUnit() throws -> CodeObject {
        let u = unit
        var flags: CodeObject.Flags = []
        switch u.kind {
        case .module, .classBody:
            flags.insert(.usesLocalsDict)
        case .function, .lambda, .comprehension:
            if u.scope.isNested { flags.insert(.nested) }
            if u.scope.isGenerator { flags.insert(.generator) }
            if u.scope.hasVarargs { flags.insert(.varargs) }
            if u.scope.hasVarkeywords { flags.insert(.varkeywords) }
        }
        let code: CodeObject
        do {
            code = try u.assemble(filename: filename, flags: flags)
        } catch let e as AssemblyError {
            throw error(e.description, SourceLocation(line: Int(u.firstLine), column: 0))
        }
        unitStack.removeLast()
        return code
    }

    // MARK: emission helpers

    func emit(_ op: Opcode, _ arg: Int32 = 0) { unit.emit(op, arg) }
    func emit(_ op: Opcode, _ arg: Int) { unit.emit(op, Int32(arg)) }
    func emitJump(_ op: Opcode, _ label: Label) { unit.emitJump(op, label) }
    func newLabel() -> Label { unit.newLabel() }
    func bind(_ label: Label) { unit.bind(label) }
    func loadConst(_ c: Constant) { emit(.loadConst, unit.addConst(c)) }

    /// Emits an instruction taking a name-table argument; the name is mangled first.
    func emitName(_ op: Opcode, _ name: String) {
        emit(op, unit.addName(mangle(unit.privateName, name)))
    }

    func withLoc<T>(_ loc: SourceLocation, _ body: () throws -> T) rethrows -> T {
        let saved = unit.loc
        unit.loc = loc
        defer { unit.loc = saved }
        return try body()
    }

    /// CPython's `compiler_nameop`.
    func compileName(_ name: String, _ ctx: NameContext) throws {
        if ctx != .load && name == "__debug__" {
            throw error(ctx == .store ? "cannot assign to __debug__" : "cannot delete __debug__", unit.loc)
        }
        let mangled = mangle(unit.privateName, name)
        let u = unit
        let isFunction = u.isFunctionBlock
        switch u.scope.scope(of: mangled) {
        case .free?:
            guard let i = u.freeIndex(mangled) else { throw internalError("free variable \(mangled) not found") }
            emitDeref(ctx, i)
        case .cell?:
            guard let i = u.cellIndex(mangled) else { throw internalError("cell \(mangled) not found") }
            emitDeref(ctx, i)
        case .local? where isFunction:
            let i = u.varIndexFor(mangled)
            emit(ctx == .load ? .loadFast : ctx == .store ? .storeFast : .deleteFast, i)
        case .globalExplicit?:
            emitGlobal(ctx, u.addName(mangled))
        case .globalImplicit? where isFunction, nil where isFunction:
            emitGlobal(ctx, u.addName(mangled))
        default:
            let i = u.addName(mangled)
            emit(ctx == .load ? .loadName : ctx == .store ? .storeName : .deleteName, i)
        }
    }

    func emitGlobal(_ ctx: NameContext, _ i: Int32) {
        emit(ctx == .load ? .loadGlobal : ctx == .store ? .storeGlobal : .deleteGlobal, i)
    }

    func emitDeref(_ ctx: NameContext, _ i: Int32) {
        switch ctx {
        case .load: emit(unit.kind == .classBody ? .loadClassDeref : .loadDeref, i)
        case .store: emit(.storeDeref, i)
        case .del: emit(.deleteDeref, i)
        }
    }

    // MARK: module

    func compileModule(_ module: Module, top: Scope) throws -> CodeObject {
        let firstLoc = module.body.first?.loc ?? SourceLocation(line: 1, column: 0)
        enterUnit(top, .module, name: "<module>", firstLine: 1, loc: firstLoc)
        switch mode {
        case .eval:
            guard module.body.count == 1, case let .expr(value) = module.body[0].kind else {
                throw error("invalid syntax", module.body.count > 0 ? module.body[0].loc : firstLoc)
            }
            try compileExpr(value)
            emit(.returnValue)
        case .interactive:
            try compileStmts(module.body)
            if let last = module.body.last { unit.loc = last.loc }
            loadConst(.none)
            emit(.returnValue)
        case .exec:
            try compileBody(module.body)
            if let last = module.body.last { unit.loc = last.loc }
            loadConst(.none)
            emit(.returnValue)
        }
        return try finishUnit()
    }

    /// A module or class body: a leading docstring is stored as `__doc__`.
    func compileBody(_ body: [Stmt]) throws {
        var rest = body[...]
        if let doc = docstring(of: body) {
            unit.docstring = doc
            try withLoc(body[0].loc) {
                loadConst(.str(doc))
                try compileName("__doc__", .store)
            }
            rest = rest.dropFirst()
        }
        for s in rest { try compileStmt(s) }
    }
}

func binaryOperator(_ op: BinOp, inplace: Bool) -> BinaryOperator {
    let base: BinaryOperator
    switch op {
    case .add: base = .add
    case .sub: base = .subtract
    case .mult: base = .multiply
    case .matMult: base = .matrixMultiply
    case .div: base = .trueDivide
    case .mod: base = .remainder
    case .pow: base = .power
    case .lShift: base = .lshift
    case .rShift: base = .rshift
    case .bitOr: base = .or
    case .bitXor: base = .xor
    case .bitAnd: base = .and
    case .floorDiv: base = .floorDivide
    }
    if !inplace { return base }
    return BinaryOperator(rawValue: base.rawValue + BinaryOperator.inplaceAdd.rawValue)!
}

/// `Constant` of this module. `Syntax` also declares a `Constant`, and since the `Compiler` enum shadows the
/// module name, clients importing both can write `Compiler.Constant` (this alias) to disambiguate.
public typealias CodeConstant = Constant

extension Compiler {
    public typealias Constant = CodeConstant
}
