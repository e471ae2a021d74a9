import Compiler

/// Inline arithmetic for the common cases (int with int, float with float or int), tried by the eval
/// loop before the general dunder protocol. Returns nil whenever Python semantics need the slow path:
/// overflow (big ints), division by zero (the error message), negative shift counts, and so on.
@inline(__always)
func fastBinary(_ op: Int32, _ a: Value, _ b: Value) -> Value? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return intBinary(op, x, y)
    case (.float(let x), .float(let y)): return fastFloat(op, x, y)
    case (.float(let x), .int(let y)): return fastFloat(op, x, Double(y))
    case (.int(let x), .float(let y)): return fastFloat(op, Double(x), y)
    case (.object, .object), (.object, .int), (.int, .object): return bigFastBinary(op, a, b)
    default: return nil
    }
}

/// `fastBinary` for int and float operands read in place from their stack slots (nil for anything else,
/// or when the result needs the general path).
@inline(__always)
func numericBinaryInPlace(_ op: Int32, _ a: UnsafeMutablePointer<Value>, _ b: UnsafeMutablePointer<Value>) -> Value? {
    if let x = Value.peekInt(a) {
        if let y = Value.peekInt(b) { return intBinary(op, x, y) }
        if let y = Value.peekFloat(b) { return fastFloat(op, Double(x), y) }
        return nil
    }
    guard let x = Value.peekFloat(a) else { return nil }
    if let y = Value.peekFloat(b) { return fastFloat(op, x, y) }
    if let y = Value.peekInt(b) { return fastFloat(op, x, Double(y)) }
    return nil
}

/// `fastBinary` for two ints: `+` and `-` inline (the superinstructions' common case), the rest in
/// `intBinaryOther`.
@inline(__always)
func intBinary(_ op: Int32, _ x: Int, _ y: Int) -> Value? {
    switch op {
    case 0, 13: let (r, o) = x.addingReportingOverflow(y); return o ? nil : .int(r)
    case 1, 14: let (r, o) = x.subtractingReportingOverflow(y); return o ? nil : .int(r)
    default: return intBinaryOther(op, x, y)
    }
}

/// The int operators other than `+` and `-` (see `intBinary`).
@inline(never)
func intBinaryOther(_ op: Int32, _ x: Int, _ y: Int) -> Value? {
    switch op {
    case 2, 15: let (r, o) = x.multipliedReportingOverflow(by: y); return o ? nil : .int(r)
    case 4, 17:
        // True division of ints is exact only when both convert exactly.
        guard y != 0, let dx = Double(exactly: x), let dy = Double(exactly: y) else { return nil }
        return .float(dx / dy)
    case 5, 18:
        guard y != 0, !(x == Int.min && y == -1) else { return nil }
        let q = x / y
        return .int((x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q)
    case 6, 19:
        guard y != 0, !(x == Int.min && y == -1) else { return nil }
        let r = x % y
        return .int(r != 0 && ((r < 0) != (y < 0)) ? r + y : r)
    case 8, 21:
        guard y >= 0, y < 63, x.magnitude < (1 << (62 - y)) else { return nil }
        return .int(x << y)
    case 9, 22:
        guard y >= 0 else { return nil }
        return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
    case 10, 23: return .int(x & y)
    case 11, 24: return .int(x | y)
    case 12, 25: return .int(x ^ y)
    case 7, 20: return y >= 0 ? bigFastBinary(op, .int(x), .int(y)) : nil
    default: return nil
    }
}

/// An int or a big int (not a bool, not an int subclass).
@inline(__always)
private func isPlainInt(_ v: Value) -> Bool {
    switch v {
    case .int: return true
    case .object(let o): return o.isExactly(PyBigInt.self)
    default: return false
    }
}

/// Big-int arithmetic straight from the eval loop, without the dunder protocol (`int.__add__` & co.
/// compute the same results through `IntMath`). nil for other operands and for errors, which the
/// general path then raises.
@inline(never)
func bigFastBinary(_ op: Int32, _ a: Value, _ b: Value) -> Value? {
    guard isPlainInt(a), isPlainInt(b) else { return nil }
    switch op {
    case 0, 13: return IntMath.add(a, b)
    case 1, 14: return IntMath.sub(a, b)
    case 2, 15: return IntMath.mul(a, b)
    case 4, 17: return try? IntMath.trueDiv(a, b)
    case 5, 18: return try? IntMath.floorDiv(a, b)
    case 6, 19: return try? IntMath.mod(a, b)
    case 7, 20:
        // A negative exponent gives a float (or an error): the general path.
        if case .int(let e) = b, e < 0 { return nil }
        if case .object(let o) = b, unsafeDowncast(o, to: PyBigInt.self).negative { return nil }
        return try? IntMath.pow(a, b)
    case 8, 21: return try? IntMath.lshift(a, b)
    case 9, 22: return try? IntMath.rshift(a, b)
    case 10, 23: return IntMath.bitwise(.and, a, b)
    case 11, 24: return IntMath.bitwise(.or, a, b)
    case 12, 25: return IntMath.bitwise(.xor, a, b)
    default: return nil
    }
}

/// Three-way comparison of ints and big ints; nil for other operands.
@inline(never)
func bigFastCompare(_ a: Value, _ b: Value) -> Int? {
    guard isPlainInt(a), isPlainInt(b) else { return nil }
    return IntMath.compareInts(a, b)
}

@inline(__always)
private func fastFloat(_ op: Int32, _ x: Double, _ y: Double) -> Value? {
    switch op {
    case 0, 13: return .float(x + y)
    case 1, 14: return .float(x - y)
    case 2, 15: return .float(x * y)
    case 4, 17: return y == 0 ? nil : .float(x / y)
    default: return nil
    }
}

/// Inline comparisons for ints, floats and strs; nil means use the general protocol.
@inline(__always)
func fastCompare(_ op: Int32, _ a: Value, _ b: Value) -> Bool? {
    let c: Int
    switch (a, b) {
    case (.int(let x), .int(let y)): c = x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), .float(let y)):
        if x.isNaN || y.isNaN { return op == 3 }
        c = x < y ? -1 : (x == y ? 0 : 1)
    case (.object(let x), .object(let y)) where x.isExactly(PyBigInt.self) || y.isExactly(PyBigInt.self):
        guard let r = bigFastCompare(a, b) else { return nil }
        c = r
    case (.object(let x), .object(let y)):
        guard x.isExactly(PyStr.self), y.isExactly(PyStr.self) else { return nil }
        return strCompare(op, unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
    case (.object, .int), (.int, .object):
        guard let r = bigFastCompare(a, b) else { return nil }
        c = r
    default: return nil
    }
    return compareResult(op, c)
}

/// Comparison `op` of two strs (equality without ordering them).
@inline(__always)
func strCompare(_ op: Int32, _ s: PyStr, _ t: PyStr) -> Bool {
    if op == 2 { return PyStr.equal(s, t) }
    if op == 3 { return !PyStr.equal(s, t) }
    return compareResult(op, PyStrOrdering.compare(s, t))
}

/// BINARY_OP's argument for `+` and `+=` (the str concatenation fast path checks it first).
let addOperator = BinaryOperator.add.rawValue
let inplaceAddOperator = BinaryOperator.inplaceAdd.rawValue

/// `fastCompare` for ints and exact strs read in place from two stack slots: matching the pair of
/// `Value`s copied both operands (two retains and two releases for a str comparison). nil for anything
/// else, slots untouched.
@inline(__always)
func fastCompareInPlace(_ op: Int32, _ a: UnsafeMutablePointer<Value>, _ b: UnsafeMutablePointer<Value>) -> Bool? {
    if let x = Value.peekInt(a), let y = Value.peekInt(b) { return compareResult(op, x < y ? -1 : (x == y ? 0 : 1)) }
    guard let au = Value.peekObject(a), let bu = Value.peekObject(b) else { return nil }
    return au._withUnsafeGuaranteedRef { x in
        bu._withUnsafeGuaranteedRef { y -> Bool? in
            guard x.isExactly(PyStr.self), y.isExactly(PyStr.self) else { return nil }
            return strCompare(op, unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
        }
    }
}

/// The outcome of comparison `op` (COMPARE_OP's argument: <, <=, ==, !=, >, >=) given a three-way result.
@inline(__always)
func compareResult(_ op: Int32, _ c: Int) -> Bool {
    switch op {
    case 0: return c < 0
    case 1: return c <= 0
    case 2: return c == 0
    case 3: return c != 0
    case 4: return c > 0
    default: return c >= 0
    }
}
