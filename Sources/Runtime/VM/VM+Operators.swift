import Compiler

/// Binary and unary operators: CPython's `binary_op1` protocol. The left operand's method is tried
/// first, unless the right operand's type is a proper subclass that overrides the reflected method;
/// `NotImplemented` passes the turn; inplace operators try `__iadd__` & co. first.
extension VM {
    public func binaryOp(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        let base = op.baseOperator
        if base == .add, case .object(let x) = a, case .object(let y) = b, x.isExactly(strClass), y.isExactly(strClass) {
            return RuntimeSetup.strConcat(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
        }
        let idx = Int(base.rawValue)
        if op.isInplace, let m = a.type.lookup(Names.inplace[idx]) {
            let r = try callBound(m, a, [b])
            if !isNotImplemented(r) { return r }
        }
        let ta = a.type, tb = b.type
        let forward = Names.binary[idx], reflected = Names.reflected[idx]
        var triedReflected = false
        if ta !== tb, tb.isSubtype(of: ta), let rm = tb.lookup(reflected), !sameMethod(rm, ta.lookup(reflected)) {
            triedReflected = true
            let r = try callBound(rm, b, [a])
            if !isNotImplemented(r) { return r }
        }
        if let m = ta.lookup(forward) {
            let r = try callBound(m, a, [b])
            if !isNotImplemented(r) { return r }
        }
        if !triedReflected, ta !== tb, let rm = tb.lookup(reflected) {
            let r = try callBound(rm, b, [a])
            if !isNotImplemented(r) { return r }
        }
        throw binaryTypeError(op, a, b)
    }

    private func sameMethod(_ a: Value, _ b: Value?) -> Bool {
        guard let b = b else { return false }
        return a.isIdentical(b)
    }

    func binaryTypeError(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PyError {
        if op.baseOperator == .add, case .object(let o) = a {
            if o is PyStr { return .type("can only concatenate str (not \"\(b.typeName)\") to str") }
            if o is PyList { return .type("can only concatenate list (not \"\(b.typeName)\") to list") }
            if o is PyTuple { return .type("can only concatenate tuple (not \"\(b.typeName)\") to tuple") }
        }
        if op.baseOperator == .power {
            return .type("unsupported operand type(s) for \(op.isInplace ? "**=" : "** or pow()"): '\(a.typeName)' and '\(b.typeName)'")
        }
        if op.baseOperator == .multiply, a.asObject is PyStr || a.asObject is PyList || a.asObject is PyTuple {
            return .type("can't multiply sequence by non-int of type '\(b.typeName)'")
        }
        if op.baseOperator == .multiply, b.asObject is PyStr || b.asObject is PyList || b.asObject is PyTuple {
            return .type("can't multiply sequence by non-int of type '\(a.typeName)'")
        }
        return .type("unsupported operand type(s) for \(op.symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    public func unaryOp(_ op: UnaryOperator, _ a: Value) throws -> Value {
        switch op {
        case .not: return .bool(!(try truthy(a)))
        case .negative:
            if case .int(let n) = a, n != Int.min { return .int(-n) }
            if case .float(let d) = a { return .float(-d) }
            if let r = try callSpecial(a, Names.neg) { return r }
            throw PyError.type("bad operand type for unary -: '\(a.typeName)'")
        case .positive:
            if let r = try callSpecial(a, Names.pos) { return r }
            throw PyError.type("bad operand type for unary +: '\(a.typeName)'")
        case .invert:
            if case .int(let n) = a { return .int(~n) }
            if let r = try callSpecial(a, Names.invert) { return r }
            throw PyError.type("bad operand type for unary ~: '\(a.typeName)'")
        }
    }
}
