import BigInt
import Foundation
import Runtime

/// The exact parts of `math`: integer functions (factorial, gcd, lcm, isqrt, comb, perm), `prod`,
/// Shewchuk's exact `fsum`, and the accurate `hypot`/`dist` (CPython's `vector_norm`).
extension MathModule {
    static func installExactFunctions(_ m: PyModule) {
        m.defineFunction("factorial") { vm, args in
            try args.check("math.factorial", min: 1, max: 1)
            let n = try BuiltinNumerics.indexBig(vm, args[0])
            if n.sign == .minus && !n.isZero { throw PyError.value("factorial() not defined for negative values") }
            guard let k = Int(exactly: n) else {
                throw PyError.overflow("factorial() argument should not exceed \(Int.max)")
            }
            return .integer(productRange(1, k))
        }
        m.defineFunction("gcd") { vm, args in
            if args.hasKeywords { throw PyError.type("gcd() takes no keyword arguments") }
            var g = BigInt(0)
            for a in args.positional {
                let v = try BuiltinNumerics.indexBig(vm, a)
                g = g.greatestCommonDivisor(with: v)
            }
            return .integer(BigInt(sign: .plus, magnitude: g.magnitude))
        }
        m.defineFunction("lcm") { vm, args in
            if args.hasKeywords { throw PyError.type("lcm() takes no keyword arguments") }
            var l = BigInt(1)
            for a in args.positional {
                let v = try BuiltinNumerics.indexBig(vm, a)
                if l.isZero || v.isZero { l = 0; continue }
                let g = l.greatestCommonDivisor(with: v)
                l = BigInt(sign: .plus, magnitude: (l / g * v).magnitude)
            }
            return .integer(l)
        }
        m.defineFunction("isqrt") { vm, args in
            try args.check("math.isqrt", min: 1, max: 1)
            let n = try BuiltinNumerics.indexBig(vm, args[0])
            if n.sign == .minus && !n.isZero { throw PyError.value("isqrt() argument must be nonnegative") }
            return .integer(BigInt(sign: .plus, magnitude: n.magnitude.squareRoot()))
        }
        m.defineFunction("comb") { vm, args in
            try exactly(args, "comb", 2)
            let (n, k) = try combArgs(vm, args[0], args[1])
            if k > n { return .int(0) }
            let kk = min(k, n - k)
            guard let ki = Int(exactly: kk) else { throw PyError.overflow("min(n - k, k) must not exceed \(Int.max)") }
            var result = BigInt(1)
            for i in 0..<ki {
                result = result * (n - BigInt(i)) / BigInt(i + 1)
            }
            return .integer(result)
        }
        m.defineFunction("perm") { vm, args in
            if args.hasKeywords { throw PyError.type("perm() takes no keyword arguments") }
            if args.count < 1 { throw PyError.type("perm expected at least 1 argument, got 0") }
            if args.count > 2 { throw PyError.type("perm expected at most 2 arguments, got \(args.count)") }
            if args.count == 1 || args[1].isNone {
                let n = try BuiltinNumerics.indexBig(vm, args[0])
                if n.sign == .minus && !n.isZero { throw PyError.value("n must be a non-negative integer") }
                guard let k = Int(exactly: n) else { throw PyError.overflow("n must not exceed \(Int.max)") }
                return .integer(productRange(1, k))
            }
            let (n, k) = try combArgs(vm, args[0], args[1])
            if k > n { return .int(0) }
            guard let ki = Int(exactly: k) else { throw PyError.overflow("k must not exceed \(Int.max)") }
            var result = BigInt(1)
            for i in 0..<ki { result *= n - BigInt(i) }
            return .integer(result)
        }
        m.defineFunction("prod") { vm, args in
            for k in args.kwnames where k != "start" {
                throw PyError.type("prod() got an unexpected keyword argument '\(k)'")
            }
            if args.count != 1 { throw PyError.type("prod() takes exactly 1 positional argument (\(args.count) given)") }
            var acc = args.keyword("start") ?? .int(1)
            let it = try vm.iter(args[0])
            while let item = try vm.next(it) {
                switch (acc, item) {
                case (.int(let x), .int(let y)):
                    let (r, o) = x.multipliedReportingOverflow(by: y)
                    acc = o ? .integer(BigInt(x) * BigInt(y)) : .int(r)
                case (.float(let x), .float(let y)): acc = .float(x * y)
                default: acc = try vm.binaryOp(.multiply, acc, item)
                }
            }
            return acc
        }
        m.defineFunction("fsum") { vm, args in
            try args.check("math.fsum", min: 1, max: 1)
            return .float(try fsum(vm, args[0]))
        }
        m.defineFunction("hypot") { vm, args in
            if args.hasKeywords { throw PyError.type("hypot() takes no keyword arguments") }
            var coords: [Double] = []
            var maxValue = 0.0
            var foundNaN = false
            for a in args.positional {
                let x = Swift.abs(try BuiltinNumerics.toDouble(vm, a))
                coords.append(x)
                foundNaN = foundNaN || x.isNaN
                if x > maxValue { maxValue = x }
            }
            return .float(vectorNorm(&coords, maxValue, foundNaN))
        }
        m.defineFunction("dist") { vm, args in
            try exactly(args, "dist", 2)
            let p = try vm.toArray(args[0]), q = try vm.toArray(args[1])
            if p.count != q.count { throw PyError.value("both points must have the same number of dimensions") }
            var coords: [Double] = []
            var maxValue = 0.0
            var foundNaN = false
            for (a, b) in zip(p, q) {
                let x = Swift.abs(try BuiltinNumerics.toDouble(vm, a) - BuiltinNumerics.toDouble(vm, b))
                coords.append(x)
                foundNaN = foundNaN || x.isNaN
                if x > maxValue { maxValue = x }
            }
            return .float(vectorNorm(&coords, maxValue, foundNaN))
        }
    }

    private static func combArgs(_ vm: VM, _ a: Value, _ b: Value) throws -> (BigInt, BigInt) {
        let n = try BuiltinNumerics.indexBig(vm, a), k = try BuiltinNumerics.indexBig(vm, b)
        if n.sign == .minus && !n.isZero { throw PyError.value("n must be a non-negative integer") }
        if k.sign == .minus && !k.isZero { throw PyError.value("k must be a non-negative integer") }
        return (n, k)
    }

    /// lo·(lo+1)·…·hi by binary splitting (fast for big factorials).
    static func productRange(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 16 {
            var r = BigInt(1)
            var small = 1
            for i in lo...hi {
                let (p, o) = small.multipliedReportingOverflow(by: i)
                if o { r *= BigInt(small); small = i } else { small = p }
            }
            return r * BigInt(small)
        }
        let mid = lo + (hi - lo) / 2
        return productRange(lo, mid) * productRange(mid + 1, hi)
    }

    /// Shewchuk's exact summation with CPython's handling of specials and its final rounding fix-up.
    static func fsum(_ vm: VM, _ iterable: Value) throws -> Double {
        var partials: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        let it = try vm.iter(iterable)
        while let item = try vm.next(it) {
            var x = try BuiltinNumerics.toDouble(vm, item)
            let xsave = x
            var i = 0
            for j in 0..<partials.count {
                var y = partials[j]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let yr = hi - x
                let lo = y - yr
                if lo != 0.0 { partials[i] = lo; i += 1 }
                x = hi
            }
            partials.removeLast(partials.count - i)
            if x != 0.0 {
                if !x.isFinite {
                    if xsave.isFinite { throw PyError.overflow("intermediate overflow in fsum") }
                    if xsave.isInfinite { infSum += xsave }
                    specialSum += xsave
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
        }
        if specialSum != 0.0 {
            if infSum.isNaN { throw PyError.value("-inf + inf in fsum") }
            return specialSum
        }
        var hi = 0.0
        var n = partials.count
        if n > 0 {
            n -= 1
            hi = partials[n]
            var lo = 0.0
            while n > 0 {
                let x = hi
                n -= 1
                let y = partials[n]
                hi = x + y
                let yr = hi - x
                lo = y - yr
                if lo != 0.0 { break }
            }
            if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
                let y = lo * 2.0
                let x = hi + y
                let yr = x - hi
                if y == yr { hi = x }
            }
        }
        return hi
    }

    /// CPython 3.11's `vector_norm`: scaled, error-compensated sum of squares with a final correction.
    static func vectorNorm(_ vec: inout [Double], _ maxValue: Double, _ foundNaN: Bool) -> Double {
        if maxValue.isInfinite { return maxValue }
        if foundNaN { return .nan }
        if maxValue == 0.0 || vec.count <= 1 { return maxValue }
        let (_, maxE) = Foundation.frexp(maxValue)
        if maxE < -1023 {
            let dblMin = Double.leastNormalMagnitude
            for i in vec.indices { vec[i] /= dblMin }
            return dblMin * vectorNorm(&vec, maxValue / dblMin, foundNaN)
        }
        let scale = Foundation.scalbn(1.0, -maxE)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        for v in vec {
            let x = v * scale
            let (hi, lo) = twoProduct(x, x)
            let (smHi, smLo) = fastTwoSum(csum, hi)
            csum = smHi
            frac1 += lo
            frac2 += smLo
        }
        var h = Foundation.sqrt(csum - 1.0 + (frac1 + frac2))
        let (prHi, prLo) = twoProduct(-h, h)
        let (smHi, smLo) = fastTwoSum(csum, prHi)
        csum = smHi
        frac1 += prLo
        frac2 += smLo
        let x = csum - 1.0 + (frac1 + frac2)
        h += x / (2.0 * h)
        return h / scale
    }

    @inline(__always) private static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a + b
        return (x, (a - x) + b)
    }

    /// Error-free product: hi + lo == a·b exactly.
    @inline(__always) private static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let z = a * b
        return (z, (-z).addingProduct(a, b))
    }
}
