// AST for the Python subset understood by Interleave.
//
// Modelled on CPython's `ast` module: node names and field meanings follow
// CPython (https://docs.python.org/3/library/ast.html). Expression context
// (Load/Store/Del) is not stored; it is implied by the position of a node.

/// A source range. `line`/`endLine` are 1-based; `column`/`endColumn` are
/// 0-based character (Unicode scalar) columns. `endColumn` is exclusive.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A zero-width location at `line`:`column`.
    public init(line: Int, column: Int) {
        self.init(line: line, column: column, endLine: line, endColumn: column)
    }

    public static let unknown = SourceLocation(line: 0, column: 0)

    /// The range from the start of `self` to the end of `other`.
    public func through(_ other: SourceLocation) -> SourceLocation {
        SourceLocation(line: line, column: column, endLine: other.endLine, endColumn: other.endColumn)
    }

    public var description: String { "\(line):\(column)-\(endLine):\(endColumn)" }
}

// MARK: - Operators

public enum BinOp: Sendable, Hashable, CaseIterable {
    case add, sub, mult, matMult, div, mod, pow, lShift, rShift, bitOr, bitXor, bitAnd, floorDiv

    /// The Python operator text, e.g. `+`, `//`.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mult: return "*"
        case .matMult: return "@"
        case .div: return "/"
        case .mod: return "%"
        case .pow: return "**"
        case .lShift: return "<<"
        case .rShift: return ">>"
        case .bitOr: return "|"
        case .bitXor: return "^"
        case .bitAnd: return "&"
        case .floorDiv: return "//"
        }
    }
}

public enum UnaryOp: Sendable, Hashable, CaseIterable {
    case invert, not, uAdd, uSub

    public var symbol: String {
        switch self {
        case .invert: return "~"
        case .not: return "not"
        case .uAdd: return "+"
        case .uSub: return "-"
        }
    }
}

public enum BoolOp: Sendable, Hashable, CaseIterable {
    case and, or

    public var symbol: String { self == .and ? "and" : "or" }
}

public enum CmpOp: Sendable, Hashable, CaseIterable {
    case eq, notEq, lt, ltE, gt, gtE, `is`, isNot, `in`, notIn

    public var symbol: String {
        switch self {
        case .eq: return "=="
        case .notEq: return "!="
        case .lt: return "<"
        case .ltE: return "<="
        case .gt: return ">"
        case .gtE: return ">="
        case .is: return "is"
        case .isNot: return "is not"
        case .in: return "in"
        case .notIn: return "not in"
        }
    }
}

// MARK: - Constants

public enum Constant: Sendable, Hashable {
    case none
    case `true`
    case `false`
    case ellipsis
    /// Integer literal as base-10 digits (no sign, no underscores, no leading
    /// zeros except for "0"); hex/octal/binary literals are already converted.
    case int(String)
    case float(Double)
    case str(String)
    case bytes([UInt8])
}

// MARK: - Expressions

public struct Expr: Sendable, Equatable {
    public var kind: ExprKind
    public var loc: SourceLocation

    public init(_ kind: ExprKind, loc: SourceLocation) {
        self.kind = kind
        self.loc = loc
    }
}

public indirect enum ExprKind: Sendable, Equatable {
    /// `a and b and c` → boolOp(.and, [a, b, c]).
    case boolOp(op: BoolOp, values: [Expr])
    /// `target := value` (target is always a name).
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: BinOp, right: Expr)
    case unaryOp(op: UnaryOp, operand: Expr)
    case lambda(args: Arguments, body: Expr)
    /// `body if test else orelse`
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i] == nil` means `**values[i]` (dict unpacking).
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    /// `a < b <= c` → compare(a, [.lt, .ltE], [b, c]).
    case compare(left: Expr, ops: [CmpOp], comparators: [Expr])
    /// Positional `*x` arguments appear in `args` as `.starred`;
    /// `**x` appears in `keywords` with `arg == nil`.
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    /// `conversion` is one of "s", "r", "a" (or nil); `formatSpec` is a `.joinedStr`.
    case formattedValue(value: Expr, conversion: Character?, formatSpec: Expr?)
    /// An f-string: values are `.constant(.str)` and `.formattedValue` parts.
    case joinedStr(values: [Expr])
    case constant(Constant)
    case attribute(value: Expr, attr: String)
    /// `a[i]`, `a[i:j]` (slice is `.slice`), `a[i, j:k]` (slice is `.tuple`).
    case `subscript`(value: Expr, slice: Expr)
    case starred(value: Expr)
    case name(id: String)
    case list(elts: [Expr])
    case tuple(elts: [Expr])
    /// Only valid directly as a subscript slice or inside a subscript tuple.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

public struct Comprehension: Sendable, Equatable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool

    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool = false) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

/// A function parameter.
public struct Arg: Sendable, Equatable {
    public var name: String
    public var annotation: Expr?
    public var loc: SourceLocation

    public init(name: String, annotation: Expr? = nil, loc: SourceLocation) {
        self.name = name
        self.annotation = annotation
        self.loc = loc
    }
}

/// Parameters of a `def` or `lambda`, as in CPython's `ast.arguments`.
/// `defaults` belong to the *last* `defaults.count` of `posonlyargs + args`;
/// `kwDefaults[i]` belongs to `kwonlyargs[i]` (nil = required).
public struct Arguments: Sendable, Equatable {
    public var posonlyargs: [Arg]
    public var args: [Arg]
    public var vararg: Arg?
    public var kwonlyargs: [Arg]
    public var kwDefaults: [Expr?]
    public var kwarg: Arg?
    public var defaults: [Expr]

    public init(posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
                kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []) {
        self.posonlyargs = posonlyargs
        self.args = args
        self.vararg = vararg
        self.kwonlyargs = kwonlyargs
        self.kwDefaults = kwDefaults
        self.kwarg = kwarg
        self.defaults = defaults
    }

    public static let empty = Arguments()
}

/// A keyword argument in a call or class definition; `arg == nil` is `**value`.
public struct Keyword: Sendable, Equatable {
    public var arg: String?
    public var value: Expr
    public var loc: SourceLocation

    public init(arg: String?, value: Expr, loc: SourceLocation) {
        self.arg = arg
        self.value = value
        self.loc = loc
    }
}

/// `import name as asname` / `from m import name as asname`. `name` may be
/// dotted (`a.b.c`) for plain imports, or `*`.
public struct Alias: Sendable, Equatable {
    public var name: String
    public var asname: String?
    public var loc: SourceLocation

    public init(name: String, asname: String? = nil, loc: SourceLocation) {
        self.name = name
        self.asname = asname
        self.loc = loc
    }
}

public struct WithItem: Sendable, Equatable {
    public var contextExpr: Expr
    public var optionalVars: Expr?

    public init(contextExpr: Expr, optionalVars: Expr? = nil) {
        self.contextExpr = contextExpr
        self.optionalVars = optionalVars
    }
}

public struct ExceptHandler: Sendable, Equatable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var loc: SourceLocation

    public init(type: Expr?, name: String?, body: [Stmt], loc: SourceLocation) {
        self.type = type
        self.name = name
        self.body = body
        self.loc = loc
    }
}

// MARK: - Statements

public struct Stmt: Sendable, Equatable {
    public var kind: StmtKind
    public var loc: SourceLocation

    public init(_ kind: StmtKind, loc: SourceLocation) {
        self.kind = kind
        self.loc = loc
    }
}

public indirect enum StmtKind: Sendable, Equatable {
    case functionDef(name: String, args: Arguments, body: [Stmt], decorators: [Expr], returns: Expr?)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr])
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    /// `a = b = 1` → assign([a, b], 1).
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinOp, value: Expr)
    /// `simple` is true when the target is a bare name not in parentheses.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    /// `elif` chains are nested `if`s in `orelse`.
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt])
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    /// `from ..a.b import x` → module "a.b", level 2. `from . import x` → module nil, level 1.
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    /// An expression statement.
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
}

public struct Module: Sendable, Equatable {
    public var body: [Stmt]

    public init(body: [Stmt]) {
        self.body = body
    }
}
