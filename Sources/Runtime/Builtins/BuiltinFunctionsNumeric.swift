import BigInt
import Compiler

/// Numeric builtins: abs, round, divmod, pow, sum, min, max.
extension Builtins {
    static var numericFunctions: [NativeBinding] {
        [
            NativeBinding("abs", { vm, args in try absolute(vm, try one(args, "abs")) }),
            NativeBinding("round", round),
            NativeBinding("divmod", { vm, args in
                try checkArgs(args, "divmod", min: 2, max: 2)
                return try divmod(vm, args[0], args[1])
            }),
            NativeBinding("pow", pow),
            NativeBinding("sum", sum),
            NativeBinding("min", { vm, args in try minMax(vm, args, isMax: false) }),
            NativeBinding("max", { vm, args in try minMax(vm, args, isMax: true) }),
        ]
    }

    public static func absolute(_ vm: VM, _ v: Value) throws -> Value {
        switch v {
        case .int(let n): return n == Int.min ? .integer(BigInt(n).magnitude.asBigInt) : .int(Swift.abs(n))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(Swift.abs(d))
        case .object(let o) where o is PyBigInt: return .integer((o as! PyBigInt).value.magnitude.asBigInt)
        default:
            if let r = try vm.callSpecial(v, Names.abs) { return r }
            throw PyError.type("bad operand type for abs(): '\(v.typeName)'")
        }
    }

    static func round(_ vm: VM, _ args: Args) throws -> Value {
        if args.count > 2 { throw PyError.type("round() takes at most 2 arguments (\(args.count) given)") }
        guard let number = args.get(0, "number") else {
            throw PyError.type("round() missing required argument 'number' (pos 1)")
        }
        for k in args.kwnames where k != "number" && k != "ndigits" {
            throw PyError.type("'\(k)' is an invalid keyword argument for round()")
        }
        let ndigits = args.get(1, "ndigits") ?? .none
        guard let m = number.type.lookup(Names.round) else {
            // Fallbacks for when the number types register no __round__.
            if ndigits.isNone {
                switch number {
                case .int, .bool: return .int(BuiltinNumerics.smallInt(number)!)
                case .float(let d): return try BuiltinNumerics.intFromDouble(d.rounded(.toNearestOrEven))
                case .object(let o) where o is PyBigInt: return number
                default: break
                }
            }
            throw PyError.type("type \(number.typeName) doesn't define __round__ method")
        }
        return try vm.callBound(m, number, ndigits.isNone ? [] : [ndigits])
    }

    public static func divmod(_ vm: VM, _ a: Value, _ b: Value) throws -> Value {
        func pair(_ x: Value, _ y: Value) -> Value { .object(PyTuple([x, y])) }
        let aInt = BuiltinNumerics.isInt(a), bInt = BuiltinNumerics.isInt(b)
        if aInt && bInt {
            if let x = BuiltinNumerics.smallInt(a), let y = BuiltinNumerics.smallInt(b) {
                if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
                if let (q, r) = BuiltinNumerics.floorDivMod(x, y) { return pair(.int(q), .int(r)) }
            }
            let x = vm.bigInt(a)!, y = vm.bigInt(b)!
            if y.isZero { throw PyError.zeroDivision("integer division or modulo by zero") }
            let (q, r) = BuiltinNumerics.floorDivMod(x, y)
            return pair(.integer(q), .integer(r))
        }
        let aFloat: Bool = { if case .float = a { return true }; return false }()
        let bFloat: Bool = { if case .float = b { return true }; return false }()
        if (aFloat || aInt) && (bFloat || bInt) {
            let x = aFloat ? try BuiltinNumerics.toDouble(vm, a) : try BuiltinNumerics.intToDouble(a)
            let y = bFloat ? try BuiltinNumerics.toDouble(vm, b) : try BuiltinNumerics.intToDouble(b)
            let (q, r) = try BuiltinNumerics.floatDivMod(x, y)
            return pair(.float(q), .float(r))
        }
        let forward = PyStr.intern("__divmod__"), reflected = PyStr.intern("__rdivmod__")
        let ta = a.type, tb = b.type
        var triedReflected = false
        if ta !== tb, tb.isSubtype(of: ta), let rm = tb.lookup(reflected) {
            triedReflected = true
            let r = try vm.callBound(rm, b, [a])
            if !vm.isNotImplemented(r) { return r }
        }
        if let m = ta.lookup(forward) {
            let r = try vm.callBound(m, a, [b])
            if !vm.isNotImplemented(r) { return r }
        }
        if !triedReflected, ta !== tb, let rm = tb.lookup(reflected) {
            let r = try vm.callBound(rm, b, [a])
            if !vm.isNotImplemented(r) { return r }
        }
        throw PyError.type("unsupported operand type(s) for divmod(): '\(a.typeName)' and '\(b.typeName)'")
    }

    static func pow(_ vm: VM, _ args: Args) throws -> Value {
        for k in args.kwnames where !["base", "exp", "mod"].contains(k) {
            throw PyError.type("'\(k)' is an invalid keyword argument for pow()")
        }
        if args.count > 3 { throw PyError.type("pow() takes at most 3 arguments (\(args.count) given)") }
        guard let base = args.get(0, "base") else { throw PyError.type("pow() missing required argument 'base' (pos 1)") }
        guard let exp = args.get(1, "exp") else { throw PyError.type("pow() missing required argument 'exp' (pos 2)") }
        let mod = args.get(2, "mod") ?? .none
        if mod.isNone { return try vm.binaryOp(.power, base, exp) }
        return try powMod(vm, base, exp, mod)
    }

    /// Three-argument `pow` (CPython's `long_pow` with a modulus).
    public static func powMod(_ vm: VM, _ base: Value, _ exp: Value, _ mod: Value) throws -> Value {
        guard let a0 = vm.bigInt(base), let b0 = vm.bigInt(exp), let c0 = vm.bigInt(mod) else {
            let all = [base, exp, mod]
            if all.allSatisfy({ BuiltinNumerics.isInt($0) || $0.type === PyType.float }) {
                throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
            }
            if !base.type.isBuiltin, let m = base.type.lookup(Names.binary[Int(BinaryOperator.power.rawValue)]) {
                let r = try vm.callBound(m, base, [exp, mod])
                if !vm.isNotImplemented(r) { return r }
            }
            throw PyError.type("unsupported operand type(s) for ** or pow(): '\(base.typeName)', '\(exp.typeName)', '\(mod.typeName)'")
        }
        if c0.isZero { throw PyError.value("pow() 3rd argument cannot be 0") }
        var c = c0, a = a0, b = b0
        let negativeOutput = c.sign == .minus
        if negativeOutput { c = -c }
        if c == 1 { return .int(0) }
        if b.sign == .minus {
            let reduced = BuiltinNumerics.floorDivMod(a, c).1
            guard let inv = reduced.magnitude.inverse(c.magnitude) else {
                throw PyError.value("base is not invertible for the given modulus")
            }
            a = BigInt(inv)
            b = -b
        }
        a = BuiltinNumerics.floorDivMod(a, c).1
        var result = IntMath.powModMagnitudes(a.magnitude, b.magnitude, c.magnitude)
        if negativeOutput && !result.isZero { result -= c }
        return .integer(result)
    }

    static func sum(_ vm: VM, _ args: Args) throws -> Value {
        if args.count == 0 { throw PyError.type("sum() takes at least 1 positional argument (0 given)") }
        if args.count > 2 { throw PyError.type("sum() takes at most 2 arguments (\(args.count) given)") }
        for k in args.kwnames where k != "start" {
            throw PyError.type("'\(k)' is an invalid keyword argument for sum()")
        }
        var acc: Value = args.get(1, "start") ?? .int(0)
        if case .object(let o) = acc {
            if o is PyStr { throw PyError.type("sum() can't sum strings [use ''.join(seq) instead]") }
            if o is PyBytes { throw PyError.type("sum() can't sum bytes [use b''.join(seq) instead]") }
        }
        let it = try vm.iter(args[0])
        while let item = try vm.next(it) {
            switch (acc, item) {
            case (.int(let x), .int(let y)):
                let (r, o) = x.addingReportingOverflow(y)
                acc = o ? .integer(BigInt(x) + BigInt(y)) : .int(r)
            case (.float(let x), .float(let y)): acc = .float(x + y)
            case (.float(let x), .int(let y)): acc = .float(x + Double(y))
            case (.int(let x), .float(let y)): acc = .float(Double(x) + y)
            default: acc = try fastBinary(0, acc, item) ?? vm.binaryOp(.add, acc, item)
            }
        }
        return acc
    }

    /// `min()`/`max()`: one iterable or several arguments; `key=` and (for an iterable) `default=`.
    static func minMax(_ vm: VM, _ args: Args, isMax: Bool) throws -> Value {
        let name = isMax ? "max" : "min"
        var key: Value = .none
        var defaultValue: Value?
        for (k, v) in zip(args.kwnames, args.kwvalues) {
            switch k {
            case "key": key = v
            case "default": defaultValue = v
            default: throw PyError.type("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        if args.count == 0 { throw PyError.type("\(name) expected at least 1 argument, got 0") }
        if args.count > 1 && defaultValue != nil {
            throw PyError.type("Cannot specify a default for \(name)() with multiple positional arguments")
        }
        let it: Value = args.count == 1 ? try vm.iter(args[0]) : .object(PyTuple(args.positional))
        let iterator = args.count == 1 ? it : try vm.iter(it)
        var best: Value?
        var bestKey: Value = .none
        while let item = try vm.next(iterator) {
            let k = key.isNone ? item : try vm.call(key, with: item)
            guard best != nil else { best = item; bestKey = k; continue }
            let better: Bool
            if case .int(let x) = k, case .int(let y) = bestKey { better = isMax ? x > y : x < y }
            else { better = isMax ? try vm.truthy(try vm.compare(k, bestKey, .gt)) : try vm.lessThan(k, bestKey) }
            if better { best = item; bestKey = k }
        }
        if let b = best { return b }
        if let d = defaultValue { return d }
        throw PyError.value("\(name)() arg is an empty sequence")
    }
}

extension BigUInt {
    /// The magnitude as a (non-negative) BigInt.
    @inline(__always) var asBigInt: BigInt { BigInt(sign: .plus, magnitude: self) }
}
