import BigInt
import Syntax

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

    // MARK: statements

    func compileStmts(_ stmts: [Stmt]) throws {
        for s in stmts { try compileStmt(s) }
    }

    func compileStmt(_ s: Stmt) throws {
        let saved = unit.loc
        unit.loc = s.loc
        defer { unit.loc = saved }
        switch s.kind {
        case let .functionDef(name, args, body, decorators, _):
            try compileFunctionDef(s, name, args, body, decorators)
        case let .classDef(name, bases, keywords, body, decorators):
            try compileClassDef(s, name, bases, keywords, body, decorators)
        case let .return(value):
            try compileReturn(s, value)
        case let .delete(targets):
            for t in targets { try compileDelete(t) }
        case let .assign(targets, value):
            try compileExpr(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.copy, 1) }
                try compileStore(t)
            }
        case let .augAssign(target, op, value):
            try compileAugAssign(target, op, value)
        case let .annAssign(target, _, value, _):
            // Annotations are ignored entirely; only the assignment (if any) is compiled.
            if let value {
                try compileExpr(value)
                try compileStore(target)
            }
        case let .for(target, iter, body, orelse):
            try compileFor(s, target, iter, body, orelse)
        case let .while(test, body, orelse):
            try compileWhile(s, test, body, orelse)
        case let .if(test, body, orelse):
            try compileIf(test, body, orelse)
        case let .with(items, body):
            try compileWith(s, items, 0, body)
        case let .raise(exc, cause):
            var n: Int32 = 0
            if let exc {
                try compileExpr(exc)
                n = 1
                if let cause {
                    try compileExpr(cause)
                    n = 2
                }
            }
            emit(.raiseVarargs, n)
        case let .try(body, handlers, orelse, finalbody):
            if !finalbody.isEmpty {
                try compileTryFinally(s, body, handlers, orelse, finalbody)
            } else {
                try compileTryExcept(s, body, handlers, orelse)
            }
        case let .assert(test, msg):
            let end = newLabel()
            try jumpIf(test, end, true)
            emit(.loadAssertionError)
            if let msg {
                try compileExpr(msg)
                emit(.call, 0)
            }
            emit(.raiseVarargs, 1)
            bind(end)
        case let .import(names):
            try compileImport(names)
        case let .importFrom(module, names, level):
            try compileImportFrom(module, names, level)
        case .global, .nonlocal, .pass:
            break
        case let .expr(value):
            if mode == .interactive && unit.kind == .module {
                try compileExpr(value)
                emit(.printExpr)
            } else if constantValue(value) == nil {
                try compileExpr(value)
                emit(.popTop)
            }
        case .break:
            try compileBreak(s)
        case .continue:
            try compileContinue(s)
        }
    }

    // MARK: assignment targets

    func compileStore(_ target: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .name(id):
                try compileName(id, .store)
            case let .attribute(value, attr):
                try compileExpr(value)
                emitName(.storeAttr, attr)
            case let .subscript(value, slice):
                try compileExpr(value)
                try compileExpr(slice)
                emit(.storeSubscr)
            case let .tuple(elts), let .list(elts):
                try unpackHelper(elts)
                for x in elts {
                    if case let .starred(v) = x.kind {
                        try compileStore(v)
                    } else {
                        try compileStore(x)
                    }
                }
            case .starred:
                throw error("starred assignment target must be in a list or tuple", target.loc)
            default:
                throw error("cannot assign to \(exprName(target))", target.loc)
            }
        }
    }

    func unpackHelper(_ elts: [Expr]) throws {
        var seenStar = false
        for (i, x) in elts.enumerated() where isStarred(x) {
            if seenStar {
                throw error("multiple starred expressions in assignment", unit.loc)
            }
            let after = elts.count - i - 1
            if i >= 256 || after >= (Int(Int32.max) >> 8) {
                throw error("too many expressions in star-unpacking assignment", unit.loc)
            }
            emit(.unpackEx, i | (after << 8))
            seenStar = true
        }
        if !seenStar { emit(.unpackSequence, elts.count) }
    }

    func compileDelete(_ target: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .name(id):
                try compileName(id, .del)
            case let .attribute(value, attr):
                try compileExpr(value)
                emitName(.deleteAttr, attr)
            case let .subscript(value, slice):
                try compileExpr(value)
                try compileExpr(slice)
                emit(.deleteSubscr)
            case let .tuple(elts), let .list(elts):
                for x in elts { try compileDelete(x) }
            default:
                throw error("cannot delete \(exprName(target))", target.loc)
            }
        }
    }

    func compileAugAssign(_ target: Expr, _ op: BinOp, _ value: Expr) throws {
        try withLoc(target.loc) {
            switch target.kind {
            case let .attribute(obj, attr):
                try compileExpr(obj)
                emit(.copy, 1)
                emitName(.loadAttr, attr)
            case let .subscript(obj, slice):
                try compileExpr(obj)
                try compileExpr(slice)
                emit(.copy, 2)
                emit(.copy, 2)
                emit(.binarySubscr)
            case let .name(id):
                try compileName(id, .load)
            default:
                throw error("'\(exprName(target))' is an illegal expression for augmented assignment", target.loc)
            }
        }
        try compileExpr(value)
        emit(.binaryOp, binaryOperator(op, inplace: true).rawValue)
        try withLoc(target.loc) {
            switch target.kind {
            case let .attribute(_, attr):
                emit(.swap, 2)
                emitName(.storeAttr, attr)
            case .subscript:
                emit(.swap, 3)
                emit(.swap, 2)
                emit(.storeSubscr)
            case let .name(id):
                try compileName(id, .store)
            default:
                break
            }
        }
    }

    // MARK: control flow

    func compileIf(_ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let end = newLabel()
        let next = orelse.isEmpty ? end : newLabel()
        try jumpIf(test, next, false)
        try compileStmts(body)
        if !orelse.isEmpty {
            emitJump(.jump, end)
            bind(next)
            try compileStmts(orelse)
        }
        bind(end)
    }

    func compileFor(_ s: Stmt, _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let start = newLabel(), cleanup = newLabel(), end = newLabel()
        try compileIterable(iter)
        emit(.getIter)
        bind(start)
        unit.fblocks.append(.forLoop(start: start, exit: end))
        emitJump(.forIter, cleanup)
        try compileStore(target)
        try compileStmts(body)
        unit.loc = s.loc
        emitJump(.jump, start)
        bind(cleanup)
        unit.fblocks.removeLast()
        try compileStmts(orelse)
        bind(end)
    }

    func compileWhile(_ s: Stmt, _ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let loop = newLabel(), bodyLabel = newLabel(), anchor = newLabel(), end = newLabel()
        bind(loop)
        unit.fblocks.append(.whileLoop(start: loop, exit: end))
        try jumpIf(test, anchor, false)
        bind(bodyLabel)
        try compileStmts(body)
        unit.loc = s.loc
        try jumpIf(test, bodyLabel, true)
        unit.fblocks.removeLast()
        bind(anchor)
        try compileStmts(orelse)
        bind(end)
    }

    func compileReturn(_ s: Stmt, _ value: Expr?) throws {
        guard unit.isFunctionBlock else { throw error("'return' outside function", s.loc) }
        let constant = value.flatMap(constantValue)
        let preserve = value != nil && constant == nil
        if let value, preserve { try compileExpr(value) }
        let savedHandlers = unit.handlerStack
        _ = try unwindFBlockStack(preserveTOS: preserve, stopAtLoop: false)
        unit.loc = s.loc
        if value == nil {
            loadConst(.none)
        } else if let constant {
            loadConst(constant)
        }
        emit(.returnValue)
        unit.handlerStack = savedHandlers
    }

    func compileBreak(_ s: Stmt) throws {
        let savedHandlers = unit.handlerStack
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            throw error("'break' outside loop", s.loc)
        }
        unit.loc = s.loc
        try unwindFBlock(loop, preserveTOS: false)
        switch loop {
        case let .whileLoop(_, exit), let .forLoop(_, exit):
            emitJump(.jump, exit)
        default:
            throw internalError("break target is not a loop")
        }
        unit.handlerStack = savedHandlers
    }

    func compileContinue(_ s: Stmt) throws {
        let savedHandlers = unit.handlerStack
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            throw error("'continue' not properly in loop", s.loc)
        }
        unit.loc = s.loc
        switch loop {
        case let .whileLoop(start, _), let .forLoop(start, _):
            emitJump(.jump, start)
        default:
            throw internalError("continue target is not a loop")
        }
        unit.handlerStack = savedHandlers
    }

    /// Emits the code leaving every frame block up to (not including) the innermost loop if `stopAtLoop`,
    /// else all of them. Returns that loop. The blocks are restored afterwards; the caller restores the
    /// handler stack once it has emitted its jump / return.
    func unwindFBlockStack(preserveTOS: Bool, stopAtLoop: Bool) throws -> FBlock? {
        guard let top = unit.fblocks.last else { return nil }
        if stopAtLoop && top.isLoop { return top }
        unit.fblocks.removeLast()
        defer { unit.fblocks.append(top) }
        try unwindFBlock(top, preserveTOS: preserveTOS)
        return try unwindFBlockStack(preserveTOS: preserveTOS, stopAtLoop: stopAtLoop)
    }

    /// CPython's `compiler_unwind_fblock`. With `preserveTOS`, a value (the return value) stays on top.
    func unwindFBlock(_ block: FBlock, preserveTOS: Bool) throws {
        switch block {
        case .whileLoop, .exceptionHandler:
            break
        case .forLoop, .popValue:
            if preserveTOS { emit(.swap, 2) }
            emit(.popTop)
        case let .tryExcept(handler):
            unit.popHandler(handler)
        case let .finallyTry(body, handler):
            unit.popHandler(handler)
            if preserveTOS { unit.fblocks.append(.popValue) }
            try compileStmts(body)
            if preserveTOS { unit.fblocks.removeLast() }
        case let .finallyEnd(handler):
            if preserveTOS { emit(.swap, 2) }
            emit(.popTop)  // the exception
            if preserveTOS { emit(.swap, 2) }
            unit.popHandler(handler)
            emit(.popExcept)
        case let .with(loc, handler):
            withLoc(loc) {
                unit.popHandler(handler)
                if preserveTOS { emit(.swap, 2) }
                callExitWithNones()
                emit(.popTop)
            }
        case let .handlerCleanup(name, nameHandler, cleanupHandler):
            if let nameHandler { unit.popHandler(nameHandler) }
            if preserveTOS { emit(.swap, 2) }
            unit.popHandler(cleanupHandler)
            emit(.popExcept)
            if let name {
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
            }
        }
    }

    func callExitWithNones() {
        loadConst(.none)
        loadConst(.none)
        loadConst(.none)
        emit(.call, 2)
    }

    /// `try: body except ...: ... else: orelse` (CPython 3.11's `compiler_try_except`).
    func compileTryExcept(_ s: Stmt, _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        let except = newLabel(), end = newLabel(), cleanup = newLabel()
        let bodyHandler = unit.pushHandler(except, pushLasti: false)
        unit.fblocks.append(.tryExcept(handler: bodyHandler))
        try compileStmts(body)
        unit.fblocks.removeLast()
        unit.popHandler(bodyHandler)
        try compileStmts(orelse)
        unit.loc = s.loc
        emitJump(.jump, end)

        // The handler: [exc] on the stack.
        bind(except)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)  // [prev_exc, exc]
        unit.fblocks.append(.exceptionHandler)
        for (i, h) in handlers.enumerated() {
            unit.loc = h.loc
            if h.type == nil && i < handlers.count - 1 {
                throw error("default 'except:' must be last", h.loc)
            }
            let nextClause = newLabel()
            if let type = h.type {
                try compileExpr(type)
                emit(.checkExcMatch)
                emitJump(.popJumpIfFalse, nextClause)
            }
            if let name = h.name {
                let cleanupEnd = newLabel()
                try compileName(name, .store)  // [prev_exc]
                // try: body finally: name = None; del name
                let nameHandler = unit.pushHandler(cleanupEnd, pushLasti: true)
                unit.fblocks.append(.handlerCleanup(name: name, nameHandler: nameHandler, cleanupHandler: cleanupHandler))
                try compileStmts(h.body)
                unit.fblocks.removeLast()
                unit.loc = h.loc
                unit.popHandler(nameHandler)
                unit.popHandler(cleanupHandler)
                emit(.popExcept)
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
                emitJump(.jump, end)

                // The clause body raised: [prev_exc, lasti, exc2].
                unit.reactivateHandler(cleanupHandler)
                bind(cleanupEnd)
                loadConst(.none)
                try compileName(name, .store)
                try compileName(name, .del)
                emit(.reraise, 1)
            } else {
                emit(.popTop)  // the exception; [prev_exc]
                unit.fblocks.append(.handlerCleanup(name: nil, nameHandler: nil, cleanupHandler: cleanupHandler))
                try compileStmts(h.body)
                unit.fblocks.removeLast()
                unit.loc = h.loc
                unit.popHandler(cleanupHandler)
                emit(.popExcept)
                emitJump(.jump, end)
                unit.reactivateHandler(cleanupHandler)
            }
            bind(nextClause)
        }
        unit.fblocks.removeLast()
        // No clause matched: re-raise (into the cleanup handler, which restores the previous exception).
        unit.loc = s.loc
        emit(.reraise, 0)
        unit.popHandler(cleanupHandler)
        bind(cleanup)  // [prev_exc, lasti, exc]
        emitPopExceptAndReraise()
        bind(end)
    }

    func emitPopExceptAndReraise() {
        emit(.copy, 3)
        emit(.popExcept)
        emit(.reraise, 1)
    }

    /// `try: ... finally: finalbody` (with or without except clauses).
    func compileTryFinally(_ s: Stmt, _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt],
                           _ finalbody: [Stmt]) throws {
        let end = newLabel(), exit = newLabel(), cleanup = newLabel()
        let bodyHandler = unit.pushHandler(end, pushLasti: false)
        unit.fblocks.append(.finallyTry(body: finalbody, handler: bodyHandler))
        if !handlers.isEmpty {
            try compileTryExcept(s, body, handlers, orelse)
        } else {
            try compileStmts(body)
        }
        unit.fblocks.removeLast()
        unit.popHandler(bodyHandler)
        try compileStmts(finalbody)
        unit.loc = s.loc
        emitJump(.jump, exit)

        // Exceptional path: [exc].
        bind(end)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)  // [prev_exc, exc]
        unit.fblocks.append(.finallyEnd(handler: cleanupHandler))
        try compileStmts(finalbody)
        unit.fblocks.removeLast()
        unit.loc = s.loc
        emit(.reraise, 0)
        unit.popHandler(cleanupHandler)
        bind(cleanup)
        emitPopExceptAndReraise()
        bind(exit)
    }

    /// `with a as b, c as d: body` — one level per item (CPython 3.11's `compiler_with`).
    func compileWith(_ s: Stmt, _ items: [WithItem], _ pos: Int, _ body: [Stmt]) throws {
        let item = items[pos]
        let final = newLabel(), exit = newLabel(), cleanup = newLabel()
        try compileExpr(item.contextExpr)
        unit.loc = s.loc
        emit(.beforeWith)  // [exit, enter_result]
        // The handler unwinds to [exit] (below the __enter__ result) and pushes lasti.
        let withHandler = unit.pushHandler(final, pushLasti: true, adjust: -1)
        unit.fblocks.append(.with(loc: s.loc, handler: withHandler))
        if let v = item.optionalVars {
            try compileStore(v)
        } else {
            emit(.popTop)
        }
        if pos + 1 == items.count {
            try compileStmts(body)
        } else {
            try compileWith(s, items, pos + 1, body)
        }
        unit.fblocks.removeLast()
        unit.loc = s.loc
        unit.popHandler(withHandler)
        // Normal exit: __exit__(None, None, None).
        callExitWithNones()
        emit(.popTop)
        emitJump(.jump, exit)

        // Exceptional exit: [exit, lasti, exc].
        bind(final)
        let cleanupHandler = unit.pushHandler(cleanup, pushLasti: true)
        emit(.pushExcInfo)       // [exit, lasti, prev_exc, exc]
        emit(.withExceptStart)   // [exit, lasti, prev_exc, exc, result]
        let suppress = newLabel()
        emitJump(.popJumpIfTrue, suppress)
        // Re-raise exc with the original lasti: [exit, lasti, prev_exc, lasti, exc].
        emit(.copy, 3)
        emit(.swap, 2)
        emit(.reraise, 1)
        unit.popHandler(cleanupHandler)
        bind(cleanup)
        emitPopExceptAndReraise()
        bind(suppress)
        unit.reactivateHandler(cleanupHandler)
        emit(.popTop)            // exc
        unit.popHandler(cleanupHandler)
        emit(.popExcept)         // [exit, lasti]
        emit(.popTop)
        emit(.popTop)
        bind(exit)
    }

    // MARK: imports

    func compileImport(_ names: [Alias]) throws {
        for alias in names {
            loadConst(.int(0))
            loadConst(.none)
            emitName(.importName, alias.name)
            let parts = alias.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let asname = alias.asname {
                if parts.count > 1 {
                    for (i, attr) in parts.dropFirst().enumerated() {
                        emitName(.importFrom, attr)
                        if i < parts.count - 2 {
                            emit(.swap, 2)
                            emit(.popTop)
                        }
                    }
                    try compileName(asname, .store)
                    emit(.popTop)
                } else {
                    try compileName(asname, .store)
                }
            } else {
                try compileName(parts[0], .store)
            }
        }
    }

    func compileImportFrom(_ module: String?, _ names: [Alias], _ level: Int) throws {
        loadConst(.int(BigInt(level)))
        loadConst(.tuple(names.map { .str($0.name) }))
        emitName(.importName, module ?? "")
        for (i, alias) in names.enumerated() {
            if i == 0 && alias.name.hasPrefix("*") {
                emit(.importStar)
                return
            }
            emitName(.importFrom, alias.name)
            try compileName(alias.asname ?? alias.name, .store)
        }
        emit(.popTop)
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
