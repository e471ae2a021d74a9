extension Expr {
    /// How CPython names this expression in "cannot assign to …" messages (`_PyPegen_get_expr_name`);
    /// shared by the parser and the compiler.
    public var cpythonName: String {
        switch kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant(let c):
            switch c {
            case .none: return "None"
            case .true: return "True"
            case .false: return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }
}
