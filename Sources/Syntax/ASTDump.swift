// `dump()`: renders an AST like CPython 3.11's `ast.dump(node)` (no
// locations, no indentation). Expression contexts (Load/Store/Del), which the
// AST does not store, are inferred from position.

enum DumpContext {
    case load, store, del

    var text: String {
        switch self {
        case .load: return "Load()"
        case .store: return "Store()"
        case .del: return "Del()"
        }
    }
}

extension Module {
    /// CPython `ast.dump(ast.parse(src))` format. With `includeLocations`,
    /// like `ast.dump(..., include_attributes=True)` (columns are character
    /// offsets, which equal CPython's byte offsets for ASCII source).
    public func dump(includeLocations: Bool = false) -> String {
        var d = Dumper(includeLocations: includeLocations)
        d.stmts(body)
        return "Module(body=\(d.out), type_ignores=[])"
    }
}

extension Stmt {
    public func dump(includeLocations: Bool = false) -> String {
        var d = Dumper(includeLocations: includeLocations)
        d.stmt(self)
        return d.out
    }
}

extension Expr {
    public func dump(includeLocations: Bool = false) -> String {
        var d = Dumper(includeLocations: includeLocations)
        d.expr(self, .load)
        return d.out
    }
}

/// Python `repr()` of a `str`.
public func pythonStringRepr(_ s: String) -> String {
    var hasSingle = false, hasDouble = false
    for c in s.unicodeScalars {
        if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
    }
    let quote: Unicode.Scalar = (hasSingle && !hasDouble) ? "\"" : "'"
    var out = String(Character(quote))
    for c in s.unicodeScalars {
        switch c {
        case quote, "\\":
            out.append("\\")
            out.unicodeScalars.append(c)
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        default:
            if c.value < 0x20 || c.value == 0x7F {
                out += "\\x" + hex(c.value, 2)
            } else if c.value < 0x7F {
                out.unicodeScalars.append(c)
            } else if Lexer.isPrintable(c) {
                out.unicodeScalars.append(c)
            } else if c.value <= 0xFF {
                out += "\\x" + hex(c.value, 2)
            } else if c.value <= 0xFFFF {
                out += "\\u" + hex(c.value, 4)
            } else {
                out += "\\U" + hex(c.value, 8)
            }
        }
    }
    out.unicodeScalars.append(quote)
    return out
}

/// Python `repr()` of a `bytes` object.
public func pythonBytesRepr(_ bytes: [UInt8]) -> String {
    let hasSingle = bytes.contains(39), hasDouble = bytes.contains(34)
    let quote: UInt8 = (hasSingle && !hasDouble) ? 34 : 39
    var out = "b" + String(UnicodeScalar(quote))
    for b in bytes {
        switch b {
        case quote, 92:
            out += "\\" + String(UnicodeScalar(b))
        case 9: out += "\\t"
        case 10: out += "\\n"
        case 13: out += "\\r"
        default:
            if b < 0x20 || b >= 0x7F {
                out += "\\x" + hex(UInt32(b), 2)
            } else {
                out += String(UnicodeScalar(b))
            }
        }
    }
    out += String(UnicodeScalar(quote))
    return out
}

func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

extension Constant {
    /// Python `repr()` of the constant.
    public var pythonRepr: String {
        switch self {
        case .none: return "None"
        case .true: return "True"
        case .false: return "False"
        case .ellipsis: return "Ellipsis"
        case .int(let s): return s
        case .float(let d): return d.description
        case .str(let s): return pythonStringRepr(s)
        case .bytes(let b): return pythonBytesRepr(b)
        }
    }
}

extension BinOp {
    var dumpName: String {
        switch self {
        case .add: return "Add"
        case .sub: return "Sub"
        case .mult: return "Mult"
        case .matMult: return "MatMult"
        case .div: return "Div"
        case .mod: return "Mod"
        case .pow: return "Pow"
        case .lShift: return "LShift"
        case .rShift: return "RShift"
        case .bitOr: return "BitOr"
        case .bitXor: return "BitXor"
        case .bitAnd: return "BitAnd"
        case .floorDiv: return "FloorDiv"
        }
    }
}

extension UnaryOp {
    var dumpName: String {
        switch self {
        case .invert: return "Invert"
        case .not: return "Not"
        case .uAdd: return "UAdd"
        case .uSub: return "USub"
        }
    }
}

extension CmpOp {
    var dumpName: String {
        switch self {
        case .eq: return "Eq"
        case .notEq: return "NotEq"
        case .lt: return "Lt"
        case .ltE: return "LtE"
        case .gt: return "Gt"
        case .gtE: return "GtE"
        case .is: return "Is"
        case .isNot: return "IsNot"
        case .in: return "In"
        case .notIn: return "NotIn"
        }
    }
}

struct Dumper {
    var out = ""
    var includeLocations = false

    init(includeLocations: Bool = false) {
        self.includeLocations = includeLocations
    }

    /// Appends location attributes inside the node text just written.
    mutating func attributes(_ loc: SourceLocation) {
        guard includeLocations else { return }
        out.removeLast() // ")"
        if !out.hasSuffix("(") { out += ", " }
        out += "lineno=\(loc.line), col_offset=\(loc.column), end_lineno=\(loc.endLine), end_col_offset=\(loc.endColumn))"
    }

    mutating func list<T>(_ items: [T], _ f: (inout Dumper, T) -> Void) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            f(&self, item)
        }
        out += "]"
    }

    mutating func stmts(_ s: [Stmt]) {
        list(s) { d, st in d.stmt(st) }
    }

    mutating func exprs(_ e: [Expr], _ ctx: DumpContext = .load) {
        list(e) { d, x in d.expr(x, ctx) }
    }

    mutating func optExpr(_ name: String, _ e: Expr?, _ ctx: DumpContext = .load) {
        if let e {
            out += ", \(name)="
            expr(e, ctx)
        }
    }

    mutating func str(_ s: String) { out += pythonStringRepr(s) }

    mutating func stmt(_ s: Stmt) {
        stmtBody(s)
        attributes(s.loc)
    }

    mutating func stmtBody(_ s: Stmt) {
        switch s.kind {
        case let .functionDef(name, args, body, decorators, returns):
            out += "FunctionDef(name=\(pythonStringRepr(name)), args="
            arguments(args)
            out += ", body="
            stmts(body)
            out += ", decorator_list="
            exprs(decorators)
            optExpr("returns", returns)
            out += ")"
        case let .classDef(name, bases, keywords, body, decorators):
            out += "ClassDef(name=\(pythonStringRepr(name)), bases="
            exprs(bases)
            out += ", keywords="
            list(keywords) { d, k in d.keyword(k) }
            out += ", body="
            stmts(body)
            out += ", decorator_list="
            exprs(decorators)
            out += ")"
        case let .return(value):
            out += "Return("
            if let value { out += "value="; expr(value, .load) }
            out += ")"
        case let .delete(targets):
            out += "Delete(targets="
            exprs(targets, .del)
            out += ")"
        case let .assign(targets, value):
            out += "Assign(targets="
            exprs(targets, .store)
            out += ", value="
            expr(value, .load)
            out += ")"
        case let .augAssign(target, op, value):
            out += "AugAssign(target="
            expr(target, .store)
            out += ", op=\(op.dumpName)(), value="
            expr(value, .load)
            out += ")"
        case let .annAssign(target, annotation, value, simple):
            out += "AnnAssign(target="
            expr(target, .store)
            out += ", annotation="
            expr(annotation, .load)
            optExpr("value", value)
            out += ", simple=\(simple ? 1 : 0))"
        case let .for(target, iter, body, orelse):
            out += "For(target="
            expr(target, .store)
            out += ", iter="
            expr(iter, .load)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
            out += ")"
        case let .while(test, body, orelse):
            out += "While(test="
            expr(test, .load)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
            out += ")"
        case let .if(test, body, orelse):
            out += "If(test="
            expr(test, .load)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
            out += ")"
        case let .with(items, body):
            out += "With(items="
            list(items) { d, item in
                d.out += "withitem(context_expr="
                d.expr(item.contextExpr, .load)
                d.optExpr("optional_vars", item.optionalVars, .store)
                d.out += ")"
            }
            out += ", body="
            stmts(body)
            out += ")"
        case let .raise(exc, cause):
            out += "Raise("
            var first = true
            if let exc { out += "exc="; expr(exc, .load); first = false }
            if let cause { out += first ? "cause=" : ", cause="; expr(cause, .load) }
            out += ")"
        case let .try(body, handlers, orelse, finalbody):
            out += "Try(body="
            stmts(body)
            out += ", handlers="
            list(handlers) { d, h in
                d.out += "ExceptHandler("
                var first = true
                if let t = h.type { d.out += "type="; d.expr(t, .load); first = false }
                if let n = h.name { d.out += (first ? "" : ", ") + "name=" + pythonStringRepr(n); first = false }
                d.out += (first ? "" : ", ") + "body="
                d.stmts(h.body)
                d.out += ")"
                d.attributes(h.loc)
            }
            out += ", orelse="
            stmts(orelse)
            out += ", finalbody="
            stmts(finalbody)
            out += ")"
        case let .assert(test, msg):
            out += "Assert(test="
            expr(test, .load)
            optExpr("msg", msg)
            out += ")"
        case let .import(names):
            out += "Import(names="
            list(names) { d, a in d.alias(a) }
            out += ")"
        case let .importFrom(module, names, level):
            out += "ImportFrom("
            if let module { out += "module=\(pythonStringRepr(module)), " }
            out += "names="
            list(names) { d, a in d.alias(a) }
            out += ", level=\(level))"
        case let .global(names):
            out += "Global(names="
            list(names) { d, n in d.str(n) }
            out += ")"
        case let .nonlocal(names):
            out += "Nonlocal(names="
            list(names) { d, n in d.str(n) }
            out += ")"
        case let .expr(value):
            out += "Expr(value="
            expr(value, .load)
            out += ")"
        case .pass: out += "Pass()"
        case .break: out += "Break()"
        case .continue: out += "Continue()"
        }
    }

    mutating func alias(_ a: Alias) {
        out += "alias(name=\(pythonStringRepr(a.name))"
        if let asname = a.asname { out += ", asname=\(pythonStringRepr(asname))" }
        out += ")"
        attributes(a.loc)
    }

    mutating func keyword(_ k: Keyword) {
        out += "keyword("
        if let arg = k.arg { out += "arg=\(pythonStringRepr(arg)), " }
        out += "value="
        expr(k.value, .load)
        out += ")"
        attributes(k.loc)
    }

    mutating func arg(_ a: Arg) {
        out += "arg(arg=\(pythonStringRepr(a.name))"
        optExpr("annotation", a.annotation)
        out += ")"
        attributes(a.loc)
    }

    mutating func arguments(_ a: Arguments) {
        out += "arguments(posonlyargs="
        list(a.posonlyargs) { d, x in d.arg(x) }
        out += ", args="
        list(a.args) { d, x in d.arg(x) }
        if let v = a.vararg { out += ", vararg="; arg(v) }
        out += ", kwonlyargs="
        list(a.kwonlyargs) { d, x in d.arg(x) }
        out += ", kw_defaults="
        list(a.kwDefaults) { d, x in
            if let x { d.expr(x, .load) } else { d.out += "None" }
        }
        if let k = a.kwarg { out += ", kwarg="; arg(k) }
        out += ", defaults="
        exprs(a.defaults)
        out += ")"
    }

    mutating func comprehensions(_ gens: [Comprehension]) {
        list(gens) { d, g in
            d.out += "comprehension(target="
            d.expr(g.target, .store)
            d.out += ", iter="
            d.expr(g.iter, .load)
            d.out += ", ifs="
            d.exprs(g.ifs)
            d.out += ", is_async=\(g.isAsync ? 1 : 0))"
        }
    }

    mutating func expr(_ e: Expr, _ ctx: DumpContext) {
        exprBody(e, ctx)
        attributes(e.loc)
    }

    mutating func exprBody(_ e: Expr, _ ctx: DumpContext) {
        switch e.kind {
        case let .boolOp(op, values):
            out += "BoolOp(op=\(op == .and ? "And" : "Or")(), values="
            exprs(values)
            out += ")"
        case let .namedExpr(target, value):
            out += "NamedExpr(target="
            expr(target, .store)
            out += ", value="
            expr(value, .load)
            out += ")"
        case let .binOp(left, op, right):
            out += "BinOp(left="
            expr(left, .load)
            out += ", op=\(op.dumpName)(), right="
            expr(right, .load)
            out += ")"
        case let .unaryOp(op, operand):
            out += "UnaryOp(op=\(op.dumpName)(), operand="
            expr(operand, .load)
            out += ")"
        case let .lambda(args, body):
            out += "Lambda(args="
            arguments(args)
            out += ", body="
            expr(body, .load)
            out += ")"
        case let .ifExp(test, body, orelse):
            out += "IfExp(test="
            expr(test, .load)
            out += ", body="
            expr(body, .load)
            out += ", orelse="
            expr(orelse, .load)
            out += ")"
        case let .dict(keys, values):
            out += "Dict(keys="
            list(keys) { d, k in
                if let k { d.expr(k, .load) } else { d.out += "None" }
            }
            out += ", values="
            exprs(values)
            out += ")"
        case let .set(elts):
            out += "Set(elts="
            exprs(elts)
            out += ")"
        case let .listComp(elt, gens):
            out += "ListComp(elt="
            expr(elt, .load)
            out += ", generators="
            comprehensions(gens)
            out += ")"
        case let .setComp(elt, gens):
            out += "SetComp(elt="
            expr(elt, .load)
            out += ", generators="
            comprehensions(gens)
            out += ")"
        case let .dictComp(key, value, gens):
            out += "DictComp(key="
            expr(key, .load)
            out += ", value="
            expr(value, .load)
            out += ", generators="
            comprehensions(gens)
            out += ")"
        case let .generatorExp(elt, gens):
            out += "GeneratorExp(elt="
            expr(elt, .load)
            out += ", generators="
            comprehensions(gens)
            out += ")"
        case let .yield(value):
            out += "Yield("
            if let value { out += "value="; expr(value, .load) }
            out += ")"
        case let .yieldFrom(value):
            out += "YieldFrom(value="
            expr(value, .load)
            out += ")"
        case let .compare(left, ops, comparators):
            out += "Compare(left="
            expr(left, .load)
            out += ", ops="
            list(ops) { d, op in d.out += op.dumpName + "()" }
            out += ", comparators="
            exprs(comparators)
            out += ")"
        case let .call(fn, args, keywords):
            out += "Call(func="
            expr(fn, .load)
            out += ", args="
            exprs(args)
            out += ", keywords="
            list(keywords) { d, k in d.keyword(k) }
            out += ")"
        case let .formattedValue(value, conversion, formatSpec):
            out += "FormattedValue(value="
            expr(value, .load)
            let conv: Int = conversion.map { Int($0.unicodeScalars.first!.value) } ?? -1
            out += ", conversion=\(conv)"
            optExpr("format_spec", formatSpec)
            out += ")"
        case let .joinedStr(values):
            out += "JoinedStr(values="
            exprs(values)
            out += ")"
        case let .constant(c):
            out += "Constant(value=\(c.pythonRepr))"
        case let .attribute(value, attr):
            out += "Attribute(value="
            expr(value, .load)
            out += ", attr=\(pythonStringRepr(attr)), ctx=\(ctx.text))"
        case let .subscript(value, slice):
            out += "Subscript(value="
            expr(value, .load)
            out += ", slice="
            expr(slice, .load)
            out += ", ctx=\(ctx.text))"
        case let .starred(value):
            out += "Starred(value="
            expr(value, ctx)
            out += ", ctx=\(ctx.text))"
        case let .name(id):
            out += "Name(id=\(pythonStringRepr(id)), ctx=\(ctx.text))"
        case let .list(elts):
            out += "List(elts="
            exprs(elts, ctx)
            out += ", ctx=\(ctx.text))"
        case let .tuple(elts):
            out += "Tuple(elts="
            exprs(elts, ctx)
            out += ", ctx=\(ctx.text))"
        case let .slice(lower, upper, step):
            out += "Slice("
            var parts: [(String, Expr)] = []
            if let lower { parts.append(("lower", lower)) }
            if let upper { parts.append(("upper", upper)) }
            if let step { parts.append(("step", step)) }
            for (i, p) in parts.enumerated() {
                if i > 0 { out += ", " }
                out += p.0 + "="
                expr(p.1, .load)
            }
            out += ")"
        }
    }
}
