import Syntax

// Symbol tables, after CPython 3.11's Python/symtable.c.
//
// Pass 1 (`SymbolTableBuilder`) walks the AST, creating one `Scope` per module, class body, function,
// lambda and comprehension, and records for each name how it is used there (`SymbolFlags`).
// Pass 2 (`analyze`) resolves every name of every scope to a `SymbolScope` (local, global explicit,
// global implicit, free, cell), propagating free variables from inner scopes to the scopes that bind them.
//
// This file holds the types shared by both passes and by the code generator (`Scope` and its flags);
// the passes are in SymbolTableBuilder.swift and SymbolTableAnalysis.swift.

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
