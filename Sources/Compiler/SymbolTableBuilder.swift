import Syntax

// Pass 1 of the symbol table: `SymbolTableBuilder` walking statements and expressions to record how
// each name is used in each scope. Separate from the scope types (SymbolTable.swift) and from the
// resolution pass (SymbolTableAnalysis.swift).

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
}
