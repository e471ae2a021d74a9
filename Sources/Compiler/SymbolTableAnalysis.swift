import Syntax

// Pass 2 of the symbol table: resolving every name of every scope to a `SymbolScope` and propagating
// free variables outward, plus the `BoundNames` chain it uses. Separate from pass 1 because it runs
// on the finished scope tree, not on the AST.

extension SymbolTableBuilder {
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
