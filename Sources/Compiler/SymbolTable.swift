import Syntax

// Symbol tables, after CPython 3.11's Python/symtable.c.
//
// Pass 1 (`SymbolTableBuilder`) walks the AST, creating one `Scope` per module, class body, function,
// lambda and comprehension, and records for each name how it is used there (`SymbolFlags`).
// Pass 2 (`analyze`) resolves every name of every scope to a `SymbolScope` (local, global explicit,
// global implicit, free, cell), propagating free variables from inner scopes to the scopes that bind them.

/// How a name is used in one scope (CPython's DEF_* flags).
struct SymbolFlags: OptionSet, Hashable {
    let rawValue: UInt16
    static let defGlobal = SymbolFlags(rawValue: 1 << 0)    // `global` declaration
    static let defLocal = SymbolFlags(rawValue: 1 << 1)     // assignment / del / def / class / for / with / except
    static let defParam = SymbolFlags(rawValue: 1 << 2)     // parameter
    static let defNonlocal = SymbolFlags(rawValue: 1 << 3)  // `nonlocal` declaration
    static let use = SymbolFlags(rawValue: 1 << 4)          // read
    static let defFreeClass = SymbolFlags(rawValue: 1 << 5) // free in a method, also bound in the class body
    static let defImport = SymbolFlags(rawValue: 1 << 6)    // bound by import
    static let defAnnot = SymbolFlags(rawValue: 1 << 7)     // annotated (`x: int`)

    static let bound: SymbolFlags = [.defLocal, .defParam, .defImport]
}

/// Where a name lives, as decided by the analysis (CPython's LOCAL, GLOBAL_EXPLICIT, ...).
public enum SymbolScope: Sendable, Hashable {
    case local, globalExplicit, globalImplicit, free, cell
}

/// The block types of the symbol table. Lambdas and comprehensions are function blocks.
enum ScopeKind: Hashable {
    case module, classBody, function, lambda, comprehension
}

enum ComprehensionKind: Hashable {
    case list, set, dict, generator

    var codeName: String {
        switch self {
        case .list: return "<listcomp>"
        case .set: return "<setcomp>"
        case .dict: return "<dictcomp>"
        case .generator: return "<genexpr>"
        }
    }
}

/// The AST node a scope was made for; lets the code generator find the scope again.
enum ScopeNode: Equatable {
    case module
    case stmt(Stmt)
    case expr(Expr)

    var loc: SourceLocation {
        switch self {
        case .module: return .unknown
        case .stmt(let s): return s.loc
        case .expr(let e): return e.loc
        }
    }
}

/// One symbol-table entry (CPython's `PySTEntryObject`).
final class Scope {
    let kind: ScopeKind
    let name: String
    let node: ScopeNode
    let loc: SourceLocation
    /// Names as used in this scope (mangled), with their flags.
    private(set) var symbols: [String: SymbolFlags] = [:]
    /// Names in order of first mention (for deterministic analysis and error order).
    private(set) var symbolOrder: [String] = []
    /// Resolved scopes (after analysis).
    var scopes: [String: SymbolScope] = [:]
    /// Parameters, in order (posonly, args, kwonly, *args, **kwargs); `.0` for comprehensions.
    var varnames: [String] = []
    var children: [Scope] = []
    var comprehensionKind: ComprehensionKind?
    var isGenerator = false
    var isNested = false
    var hasVarargs = false
    var hasVarkeywords = false
    var returnsValue = false
    /// This block (or a nested one) uses free variables.
    var hasFree = false
    var childFree = false
    /// A class body whose methods use `__class__` (or `super`): it gets a `__class__` cell.
    var needsClassClosure = false
    /// Where each `global` / `nonlocal` declaration was made (for error locations).
    var directives: [String: SourceLocation] = [:]

    init(kind: ScopeKind, name: String, node: ScopeNode, loc: SourceLocation) {
        self.kind = kind
        self.name = name
        self.node = node
        self.loc = loc
    }

    /// Function, lambda or comprehension: names are fast locals.
    var isFunctionBlock: Bool { kind == .function || kind == .lambda || kind == .comprehension }

    func flags(of name: String) -> SymbolFlags { symbols[name] ?? [] }

    func scope(of name: String) -> SymbolScope? { scopes[name] }

    func addFlags(_ name: String, _ flags: SymbolFlags) {
        if let old = symbols[name] {
            symbols[name] = old.union(flags)
        } else {
            symbols[name] = flags
            symbolOrder.append(name)
        }
    }

    /// Cell variables (sorted by code point, as CPython's dictbytype does).
    var cellvars: [String] {
        if kind == .classBody { return needsClassClosure ? ["__class__"] : [] }
        return sortedNames(symbolOrder.filter { scopes[$0] == .cell })
    }

    /// Free variables (sorted): free names, and class-bound names that methods use as free variables.
    var freevars: [String] {
        sortedNames(symbolOrder.filter { scopes[$0] == .free || flags(of: $0).contains(.defFreeClass) })
    }

    /// The scope created for `node`, a direct child of this scope. Children are matched by location and,
    /// when locations collide, by structural equality (identical nodes in one scope analyze identically).
    func child(for node: ScopeNode) -> Scope? {
        if childrenByLoc == nil {
            var map: [SourceLocation: [Scope]] = [:]
            for c in children { map[c.loc, default: []].append(c) }
            childrenByLoc = map
        }
        let sameLoc = childrenByLoc?[node.loc] ?? []
        if sameLoc.count == 1 { return sameLoc[0] }
        return (sameLoc.isEmpty ? children : sameLoc).first { $0.node == node }
    }

    private var childrenByLoc: [SourceLocation: [Scope]]?
}

func sortedNames(_ names: [String]) -> [String] {
    names.sorted { a, b in a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value } }
}

/// CPython's `_Py_Mangle`: inside class `privateName`, `__x` becomes `_Class__x`.
func mangle(_ privateName: String?, _ name: String) -> String {
    guard let privateName, name.hasPrefix("__") else { return name }
    if name.hasSuffix("__") || name.contains(".") { return name }
    let stripped = privateName.drop { $0 == "_" }
    if stripped.isEmpty { return name }
    return "_" + stripped + name
}

// MARK: - Pass 1: collect

struct SymbolTableBuilder {
    let filename: String
    let source: String?
    var stack: [Scope] = []
    var top: Scope
    var privateName: String?

    init(filename: String, source: String?) {
        self.filename = filename
        self.source = source
        top = Scope(kind: .module, name: "top", node: .module, loc: .unknown)
        stack = [top]
    }

    /// Builds and analyzes the symbol table of a module.
    static func build(_ module: Module, filename: String, source: String?) throws -> Scope {
        var b = SymbolTableBuilder(filename: filename, source: source)
        for s in module.body { try b.visitStmt(s) }
        try b.analyze()
        return b.top
    }

    var cur: Scope { stack[stack.count - 1] }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message: message, filename: filename, loc: loc, source: source)
    }

    mutating func enterBlock(_ name: String, _ kind: ScopeKind, node: ScopeNode, loc: SourceLocation) {
        let s = Scope(kind: kind, name: name, node: node, loc: loc)
        let parent = cur
        if parent.isNested || parent.isFunctionBlock { s.isNested = true }
        parent.children.append(s)
        stack.append(s)
    }

    mutating func exitBlock() { stack.removeLast() }

    func lookup(_ name: String) -> SymbolFlags { cur.flags(of: mangle(privateName, name)) }

    mutating func addDef(_ name: String, _ flag: SymbolFlags, _ loc: SourceLocation) throws {
        let mangled = mangle(privateName, name)
        let ste = cur
        if flag.contains(.defParam), ste.flags(of: mangled).contains(.defParam) {
            throw error("duplicate argument '\(name)' in function definition", loc)
        }
        ste.addFlags(mangled, flag)
        if flag.contains(.defParam) {
            ste.varnames.append(mangled)
        } else if flag.contains(.defGlobal) {
            top.addFlags(mangled, flag)
        }
    }

    // MARK: statements

    mutating func visitStmts(_ stmts: [Stmt]) throws {
        for s in stmts { try visitStmt(s) }
    }

    mutating func visitStmt(_ s: Stmt) throws {
        switch s.kind {
        case let .functionDef(name, args, body, decorators, _):
            try addDef(name, .defLocal, s.loc)
            for d in decorators { try visitExpr(d) }
            try visitDefaults(args)
            enterBlock(name, .function, node: .stmt(s), loc: s.loc)
            try visitArguments(args)
            try visitStmts(body)
            exitBlock()
        case let .classDef(name, bases, keywords, body, decorators):
            try addDef(name, .defLocal, s.loc)
            for d in decorators { try visitExpr(d) }
            for b in bases { try visitExpr(b) }
            for k in keywords { try visitExpr(k.value) }
            enterBlock(name, .classBody, node: .stmt(s), loc: s.loc)
            let saved = privateName
            privateName = name
            try visitStmts(body)
            privateName = saved
            exitBlock()
        case let .return(value):
            if let value {
                try visitExpr(value)
                cur.returnsValue = true
            }
        case let .delete(targets):
            for t in targets { try visitTarget(t) }
        case let .assign(targets, value):
            try visitExpr(value)
            for t in targets { try visitTarget(t) }
        case let .augAssign(target, _, value):
            try visitTarget(target)
            try visitExpr(value)
        case let .annAssign(target, _, value, simple):
            // Annotations are never evaluated, so they are not visited.
            if let value { try visitExpr(value) }
            if case let .name(id) = target.kind {
                let cur = lookup(id)
                if !cur.isDisjoint(with: [.defGlobal, .defNonlocal]), self.cur.kind != .module, simple {
                    let msg = cur.contains(.defGlobal) ? "annotated name '\(id)' can't be global"
                                                       : "annotated name '\(id)' can't be nonlocal"
                    throw error(msg, s.loc)
                }
                if simple {
                    try addDef(id, [.defAnnot, .defLocal], target.loc)
                } else if value != nil {
                    try addDef(id, .defLocal, target.loc)
                }
            } else if value != nil {
                try visitTarget(target)
            }
        case let .for(target, iter, body, orelse):
            try visitExpr(iter)
            try visitTarget(target)
            try visitStmts(body)
            try visitStmts(orelse)
        case let .while(test, body, orelse):
            try visitExpr(test)
            try visitStmts(body)
            try visitStmts(orelse)
        case let .if(test, body, orelse):
            try visitExpr(test)
            try visitStmts(body)
            try visitStmts(orelse)
        case let .with(items, body):
            for item in items {
                try visitExpr(item.contextExpr)
                if let v = item.optionalVars { try visitTarget(v) }
            }
            try visitStmts(body)
        case let .raise(exc, cause):
            if let exc { try visitExpr(exc) }
            if let cause { try visitExpr(cause) }
        case let .try(body, handlers, orelse, finalbody):
            try visitStmts(body)
            for h in handlers {
                if let t = h.type { try visitExpr(t) }
                if let n = h.name { try addDef(n, .defLocal, h.loc) }
                try visitStmts(h.body)
            }
            try visitStmts(orelse)
            try visitStmts(finalbody)
        case let .assert(test, msg):
            try visitExpr(test)
            if let msg { try visitExpr(msg) }
        case let .import(names):
            for a in names { try visitAlias(a) }
        case let .importFrom(_, names, _):
            for a in names { try visitAlias(a) }
        case let .global(names):
            for name in names {
                let flags = lookup(name)
                if !flags.isDisjoint(with: [.defParam, .defLocal, .use, .defAnnot]) {
                    let msg: String
                    if flags.contains(.defParam) { msg = "name '\(name)' is parameter and global" }
                    else if flags.contains(.use) { msg = "name '\(name)' is used prior to global declaration" }
                    else if flags.contains(.defAnnot) { msg = "annotated name '\(name)' can't be global" }
                    else { msg = "name '\(name)' is assigned to before global declaration" }
                    throw error(msg, s.loc)
                }
                try addDef(name, .defGlobal, s.loc)
                recordDirective(name, s.loc)
            }
        case let .nonlocal(names):
            for name in names {
                let flags = lookup(name)
                if !flags.isDisjoint(with: [.defParam, .defLocal, .use, .defAnnot]) {
                    let msg: String
                    if flags.contains(.defParam) { msg = "name '\(name)' is parameter and nonlocal" }
                    else if flags.contains(.use) { msg = "name '\(name)' is used prior to nonlocal declaration" }
                    else if flags.contains(.defAnnot) { msg = "annotated name '\(name)' can't be nonlocal" }
                    else { msg = "name '\(name)' is assigned to before nonlocal declaration" }
                    throw error(msg, s.loc)
                }
                try addDef(name, .defNonlocal, s.loc)
                recordDirective(name, s.loc)
            }
        case let .expr(value):
            try visitExpr(value)
        case .pass, .break, .continue:
            break
        }
    }

    mutating func recordDirective(_ name: String, _ loc: SourceLocation) {
        let mangled = mangle(privateName, name)
        if cur.directives[mangled] == nil { cur.directives[mangled] = loc }
    }

    mutating func visitAlias(_ a: Alias) throws {
        let name = a.asname ?? a.name
        if name == "*" {
            if cur.kind != .module {
                throw error("import * only allowed at module level", a.loc)
            }
            return
        }
        let storeName = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        try addDef(storeName, .defImport, a.loc)
    }

    mutating func visitDefaults(_ args: Arguments) throws {
        for d in args.defaults { try visitExpr(d) }
        for d in args.kwDefaults { if let d { try visitExpr(d) } }
    }

    mutating func visitArguments(_ args: Arguments) throws {
        for a in args.posonlyargs { try addDef(a.name, .defParam, a.loc) }
        for a in args.args { try addDef(a.name, .defParam, a.loc) }
        for a in args.kwonlyargs { try addDef(a.name, .defParam, a.loc) }
        if let v = args.vararg {
            try addDef(v.name, .defParam, v.loc)
            cur.hasVarargs = true
        }
        if let k = args.kwarg {
            try addDef(k.name, .defParam, k.loc)
            cur.hasVarkeywords = true
        }
    }

    // MARK: expressions

    /// An assignment / deletion target.
    mutating func visitTarget(_ e: Expr) throws {
        switch e.kind {
        case let .name(id):
            try addDef(id, .defLocal, e.loc)
        case let .attribute(value, _):
            try visitExpr(value)
        case let .subscript(value, slice):
            try visitExpr(value)
            try visitExpr(slice)
        case let .starred(value):
            try visitTarget(value)
        case let .tuple(elts), let .list(elts):
            for x in elts { try visitTarget(x) }
        default:
            // Not a valid target; the code generator reports it.
            try visitExpr(e)
        }
    }

    mutating func visitExpr(_ e: Expr) throws {
        switch e.kind {
        case let .boolOp(_, values):
            for v in values { try visitExpr(v) }
        case .namedExpr:
            throw error("assignment expressions (:=) are not supported yet", e.loc)
        case let .binOp(left, _, right):
            try visitExpr(left)
            try visitExpr(right)
        case let .unaryOp(_, operand):
            try visitExpr(operand)
        case let .lambda(args, body):
            try visitDefaults(args)
            enterBlock("lambda", .lambda, node: .expr(e), loc: e.loc)
            try visitArguments(args)
            try visitExpr(body)
            exitBlock()
        case let .ifExp(test, body, orelse):
            try visitExpr(test)
            try visitExpr(body)
            try visitExpr(orelse)
        case let .dict(keys, values):
            for (k, v) in zip(keys, values) {
                if let k { try visitExpr(k) }
                try visitExpr(v)
            }
        case let .set(elts), let .list(elts), let .tuple(elts):
            for x in elts { try visitExpr(x) }
        case let .listComp(elt, generators):
            try visitComprehension(e, .list, generators, elt, nil)
        case let .setComp(elt, generators):
            try visitComprehension(e, .set, generators, elt, nil)
        case let .dictComp(key, value, generators):
            try visitComprehension(e, .dict, generators, key, value)
        case let .generatorExp(elt, generators):
            try visitComprehension(e, .generator, generators, elt, nil)
        case let .yield(value):
            if let value { try visitExpr(value) }
            try markYield(e)
        case let .yieldFrom(value):
            try visitExpr(value)
            try markYield(e)
        case let .compare(left, _, comparators):
            try visitExpr(left)
            for c in comparators { try visitExpr(c) }
        case let .call(fn, args, keywords):
            try visitExpr(fn)
            for a in args { try visitExpr(a) }
            for k in keywords { try visitExpr(k.value) }
        case let .formattedValue(value, _, spec):
            try visitExpr(value)
            if let spec { try visitExpr(spec) }
        case let .joinedStr(values):
            for v in values { try visitExpr(v) }
        case .constant:
            break
        case let .attribute(value, _):
            try visitExpr(value)
        case let .subscript(value, slice):
            try visitExpr(value)
            try visitExpr(slice)
        case let .starred(value):
            try visitExpr(value)
        case let .name(id):
            if id == "__debug__" { return }  // folded to True, as CPython's AST optimizer does
            try addDef(id, .use, e.loc)
            // super() needs __class__ (a zero-argument super() call is compiled with it).
            if id == "super", cur.isFunctionBlock {
                try addDef("__class__", .use, e.loc)
            }
        case let .slice(lower, upper, step):
            if let lower { try visitExpr(lower) }
            if let upper { try visitExpr(upper) }
            if let step { try visitExpr(step) }
        }
    }

    mutating func markYield(_ e: Expr) throws {
        cur.isGenerator = true
        if let kind = cur.comprehensionKind {
            let msg: String
            switch kind {
            case .list: msg = "'yield' inside list comprehension"
            case .set: msg = "'yield' inside set comprehension"
            case .dict: msg = "'yield' inside dict comprehension"
            case .generator: msg = "'yield' inside generator expression"
            }
            throw error(msg, e.loc)
        }
    }

    mutating func visitComprehension(_ e: Expr, _ kind: ComprehensionKind, _ generators: [Comprehension],
                                     _ elt: Expr, _ value: Expr?) throws {
        let outermost = generators[0]
        // The outermost iterable is evaluated in the enclosing scope.
        try visitExpr(outermost.iter)
        enterBlock(kind.codeName, .comprehension, node: .expr(e), loc: e.loc)
        cur.comprehensionKind = kind
        for g in generators where g.isAsync {
            throw error("asynchronous comprehensions are not supported yet", e.loc)
        }
        // The outermost iterator is received as the implicit parameter `.0`.
        try addDef(".0", .defParam, e.loc)
        try visitTarget(outermost.target)
        for c in outermost.ifs { try visitExpr(c) }
        for g in generators.dropFirst() {
            try visitTarget(g.target)
            try visitExpr(g.iter)
            for c in g.ifs { try visitExpr(c) }
        }
        if let value { try visitExpr(value) }
        try visitExpr(elt)
        cur.isGenerator = kind == .generator
        exitBlock()
    }

    // MARK: - Pass 2: analyze

    mutating func analyze() throws {
        var free = Set<String>()
        try analyzeBlock(top, bound: nil, free: &free, global: [])
        _ = free
    }

    func directiveError(_ ste: Scope, _ name: String, _ message: String) -> SyntaxError {
        error(message, ste.directives[name] ?? ste.loc)
    }

    /// CPython's `analyze_block`. `bound` holds the names bound in enclosing function scopes (nil at module
    /// level), `global` the names known to be global; free variables of this block and its children are
    /// added to `free`.
    func analyzeBlock(_ ste: Scope, bound: BoundNames?, free: inout Set<String>,
                      global globalIn: Set<String>) throws {
        var global = globalIn
        var local = Set<String>()
        /// Names declared global here: no longer bound for nested blocks.
        var hidden = Set<String>()
        var scopes: [String: SymbolScope] = [:]
        // Class namespaces don't affect the names visible in nested functions.
        let classGlobal = ste.kind == .classBody ? global : []

        for name in ste.symbolOrder {
            try analyzeName(ste, &scopes, name, ste.flags(of: name), bound, &hidden, &local, &free, &global)
        }

        let newBound: BoundNames
        let newGlobal: Set<String>
        if ste.kind == .classBody {
            newBound = BoundNames(names: ["__class__"], hidden: [], parent: bound)
            newGlobal = classGlobal
        } else {
            newBound = BoundNames(names: ste.isFunctionBlock ? local : [], hidden: hidden, parent: bound)
            newGlobal = global
        }

        var newFree = Set<String>()
        for child in ste.children {
            var childFree = Set<String>()
            try analyzeBlock(child, bound: newBound, free: &childFree, global: newGlobal)
            newFree.formUnion(childFree)
            if child.hasFree || child.childFree { ste.childFree = true }
        }

        if ste.isFunctionBlock {
            // Locals captured by inner scopes become cells.
            for name in ste.symbolOrder where scopes[name] == .local && newFree.contains(name) {
                scopes[name] = .cell
                newFree.remove(name)
            }
        } else if ste.kind == .classBody {
            if newFree.remove("__class__") != nil { ste.needsClassClosure = true }
        }

        // update_symbols
        ste.scopes = scopes
        for name in sortedNames(Array(newFree)) {
            if ste.symbols[name] != nil {
                if ste.kind == .classBody, !ste.flags(of: name).isDisjoint(with: SymbolFlags.bound.union(.defGlobal)) {
                    ste.addFlags(name, .defFreeClass)
                }
                continue
            }
            if let bound, hidden.contains(name) || !bound.contains(name) { continue }  // a global
            ste.addFlags(name, [])
            ste.scopes[name] = .free
        }
        free.formUnion(newFree)
    }

    func analyzeName(_ ste: Scope, _ scopes: inout [String: SymbolScope], _ name: String, _ flags: SymbolFlags,
                     _ bound: BoundNames?, _ hidden: inout Set<String>, _ local: inout Set<String>,
                     _ free: inout Set<String>, _ global: inout Set<String>) throws {
        if flags.contains(.defGlobal) {
            if flags.contains(.defNonlocal) {
                throw directiveError(ste, name, "name '\(name)' is nonlocal and global")
            }
            scopes[name] = .globalExplicit
            global.insert(name)
            if bound != nil { hidden.insert(name) }
            return
        }
        if flags.contains(.defNonlocal) {
            guard let b = bound else {
                throw directiveError(ste, name, "nonlocal declaration not allowed at module level")
            }
            if !b.contains(name) {
                throw directiveError(ste, name, "no binding for nonlocal '\(name)' found")
            }
            scopes[name] = .free
            ste.hasFree = true
            free.insert(name)
            return
        }
        if !flags.isDisjoint(with: .bound) {
            scopes[name] = .local
            local.insert(name)
            global.remove(name)
            return
        }
        if let b = bound, b.contains(name) {
            scopes[name] = .free
            ste.hasFree = true
            free.insert(name)
            return
        }
        if global.contains(name) {
            scopes[name] = .globalImplicit
            return
        }
        if ste.isNested { ste.hasFree = true }
        scopes[name] = .globalImplicit
    }
}

/// The names bound in enclosing function scopes, as a chain (CPython copies a set per block, which is
/// quadratic for functions with many nested scopes).
final class BoundNames {
    let names: Set<String>
    /// Names of enclosing scopes that are hidden from here on (declared `global` at this level).
    let hidden: Set<String>
    let parent: BoundNames?

    init(names: Set<String>, hidden: Set<String>, parent: BoundNames?) {
        self.names = names
        self.hidden = hidden
        self.parent = parent
    }

    func contains(_ name: String) -> Bool {
        if names.contains(name) { return true }
        if hidden.contains(name) { return false }
        return parent?.contains(name) ?? false
    }
}
