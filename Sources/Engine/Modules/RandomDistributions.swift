import BigInt
import Foundation
import Runtime

/// `random.sample`, `random.choices` and the real-valued distributions, transcribed from CPython
/// 3.11's Lib/random.py (same formulas, same number and order of draws).
extension RandomModule {
    static let nvMagic = 4 * Foundation.exp(-0.5) / Foundation.sqrt(2.0)
    static let twoPi = 2.0 * Double.pi
    static let log4 = Foundation.log(4.0)
    static let sgMagic = 1.0 + Foundation.log(4.5)

    static var distributionMethods: [NativeBinding] {
        [
            NativeBinding("uniform", { vm, args in
                let (r, p) = try bind(args, "uniform", ["a", "b"], required: 2)
                let a = p[0]!, b = p[1]!
                let span = try vm.binaryOp(.subtract, b, a)
                return try vm.binaryOp(.add, a, try vm.binaryOp(.multiply, span, .float(r.random())))
            }),
            NativeBinding("triangular", { vm, args in
                let (r, p) = try bind(args, "triangular", ["low", "high", "mode"], required: 0)
                let lowValue = p[0] ?? .float(0), highValue = p[1] ?? .float(1)
                var low = try BuiltinNumerics.toDouble(vm, lowValue), high = try BuiltinNumerics.toDouble(vm, highValue)
                var u = r.random()
                var c = 0.5
                if let mode = p[2], !mode.isNone {
                    if high - low == 0 { return lowValue }
                    c = (try BuiltinNumerics.toDouble(vm, mode) - low) / (high - low)
                }
                if u > c { u = 1.0 - u; c = 1.0 - c; swap(&low, &high) }
                return .float(low + (high - low) * Foundation.sqrt(u * c))
            }),
            NativeBinding("normalvariate", { vm, args in
                let (r, p) = try bind(args, "normalvariate", ["mu", "sigma"], required: 0)
                let (mu, sigma) = try (double(vm, p[0], 0), double(vm, p[1], 1))
                return .float(mu + normal(r) * sigma)
            }),
            NativeBinding("gauss", { vm, args in
                let (r, p) = try bind(args, "gauss", ["mu", "sigma"], required: 0)
                let (mu, sigma) = try (double(vm, p[0], 0), double(vm, p[1], 1))
                var z = r.takeGaussNext()
                if z == nil {
                    let x2pi = r.random() * twoPi
                    let g2rad = Foundation.sqrt(-2.0 * Foundation.log(1.0 - r.random()))
                    z = Foundation.cos(x2pi) * g2rad
                    r.setGaussNext(Foundation.sin(x2pi) * g2rad)
                }
                return .float(mu + z! * sigma)
            }),
            NativeBinding("lognormvariate", { vm, args in
                let (r, p) = try bind(args, "lognormvariate", ["mu", "sigma"], required: 2)
                let (mu, sigma) = try (double(vm, p[0], 0), double(vm, p[1], 1))
                return .float(Foundation.exp(mu + normal(r) * sigma))
            }),
            NativeBinding("expovariate", { vm, args in
                let (r, p) = try bind(args, "expovariate", ["lambd"], required: 1)
                let lambd = try double(vm, p[0], 1)
                let x = -Foundation.log(1.0 - r.random())
                if lambd == 0 { throw PyError.zeroDivision("float division by zero") }
                return .float(x / lambd)
            }),
            NativeBinding("vonmisesvariate", { vm, args in
                let (r, p) = try bind(args, "vonmisesvariate", ["mu", "kappa"], required: 2)
                let (mu, kappa) = try (double(vm, p[0], 0), double(vm, p[1], 0))
                if kappa <= 1e-6 { return .float(twoPi * r.random()) }
                let s = 0.5 / kappa
                let rr = s + Foundation.sqrt(1.0 + s * s)
                var z = 0.0
                while true {
                    let u1 = r.random()
                    z = Foundation.cos(Double.pi * u1)
                    let d = z / (rr + z)
                    let u2 = r.random()
                    if u2 < 1.0 - d * d || u2 <= (1.0 - d) * Foundation.exp(d) { break }
                }
                let q = 1.0 / rr
                let f = (q + z) / (1.0 + q * z)
                let u3 = r.random()
                let theta = u3 > 0.5 ? mu + Foundation.acos(f) : mu - Foundation.acos(f)
                return .float(try BuiltinNumerics.floatDivMod(theta, twoPi).1)
            }),
            NativeBinding("gammavariate", { vm, args in
                let (r, p) = try bind(args, "gammavariate", ["alpha", "beta"], required: 2)
                return .float(try gamma(r, try double(vm, p[0], 0), try double(vm, p[1], 0)))
            }),
            NativeBinding("betavariate", { vm, args in
                let (r, p) = try bind(args, "betavariate", ["alpha", "beta"], required: 2)
                let (alpha, beta) = try (double(vm, p[0], 0), double(vm, p[1], 0))
                let y = try gamma(r, alpha, 1.0)
                if y != 0 { return .float(y / (y + (try gamma(r, beta, 1.0)))) }
                return .float(0.0)
            }),
            NativeBinding("paretovariate", { vm, args in
                let (r, p) = try bind(args, "paretovariate", ["alpha"], required: 1)
                let alpha = try double(vm, p[0], 1)
                let u = 1.0 - r.random()
                return .float(Foundation.pow(u, -1.0 / alpha))
            }),
            NativeBinding("weibullvariate", { vm, args in
                let (r, p) = try bind(args, "weibullvariate", ["alpha", "beta"], required: 2)
                let (alpha, beta) = try (double(vm, p[0], 1), double(vm, p[1], 1))
                let u = 1.0 - r.random()
                return .float(alpha * Foundation.pow(-Foundation.log(u), 1.0 / beta))
            }),
        ]
    }

    private static func double(_ vm: VM, _ v: Value?, _ fallback: Double) throws -> Double {
        guard let v = v else { return fallback }
        return try BuiltinNumerics.toDouble(vm, v)
    }

    /// Kinderman and Monahan's method (`normalvariate` without mu and sigma).
    private static func normal(_ r: PyRandom) -> Double {
        while true {
            let u1 = r.random()
            let u2 = 1.0 - r.random()
            let z = nvMagic * (u1 - 0.5) / u2
            let zz = z * z / 4.0
            if zz <= -Foundation.log(u2) { return z }
        }
    }

    private static func gamma(_ r: PyRandom, _ alpha: Double, _ beta: Double) throws -> Double {
        if alpha <= 0.0 || beta <= 0.0 { throw PyError.value("gammavariate: alpha and beta must be > 0.0") }
        if alpha > 1.0 {
            let ainv = Foundation.sqrt(2.0 * alpha - 1.0)
            let bbb = alpha - log4
            let ccc = alpha + ainv
            while true {
                let u1 = r.random()
                if !(1e-7 < u1 && u1 < 0.9999999) { continue }
                let u2 = 1.0 - r.random()
                let v = Foundation.log(u1 / (1.0 - u1)) / ainv
                let x = alpha * Foundation.exp(v)
                let z = u1 * u1 * u2
                let rr = bbb + ccc * v - x
                if rr + sgMagic - 4.5 * z >= 0.0 || rr >= Foundation.log(z) { return x * beta }
            }
        } else if alpha == 1.0 {
            return -Foundation.log(1.0 - r.random()) * beta
        }
        var x = 0.0
        while true {
            let u = r.random()
            let b = (M_E + alpha) / M_E
            let p = b * u
            x = p <= 1.0 ? Foundation.pow(p, 1.0 / alpha) : -Foundation.log((b - p) / alpha)
            let u1 = r.random()
            if p > 1.0 {
                if u1 <= Foundation.pow(x, alpha - 1.0) { break }
            } else if u1 <= Foundation.exp(-x) { break }
        }
        return x * beta
    }

    // MARK: sample / choices

    private static func isSequence(_ v: Value) -> Bool {
        switch v.asObject {
        case is PyList, is PyTuple, is PyStr, is PyRange, is PyBytes: return true
        default: return false
        }
    }

    /// The indices CPython's `sample(range(n), k)` picks, in selection order.
    static func sampleIndices(_ r: PyRandom, n: Int, k: Int) -> [Int] {
        var setsize = 21
        if k > 5 {
            let e = Int((Foundation.log(Double(k * 3)) / Foundation.log(4.0)).rounded(.up))
            setsize += e < 31 ? 1 << (2 * e) : Int.max / 2
        }
        var result: [Int] = []
        result.reserveCapacity(k)
        r.withState { mt in
            if n <= setsize {
                var pool = Array(0..<n)
                for i in 0..<k {
                    let j = mt.below(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = mt.below(n)
                    while selected.contains(j) { j = mt.below(n) }
                    selected.insert(j)
                    result.append(j)
                }
            }
        }
        return result
    }

    private static func item(_ vm: VM, _ population: Value, _ i: Int) throws -> Value {
        switch population.asObject {
        case let l as PyList: if let v = l.item(at: i) { return v }
        case let t as PyTuple: return t.items[i]
        case let rg as PyRange: return .int(rg.start + i * rg.step)
        default: break
        }
        return try vm.getItem(population, .int(i))
    }

    static func sample(_ vm: VM, _ r: PyRandom, _ population: Value, _ kValue: Value, counts: Value) throws -> Value {
        guard isSequence(population) else {
            throw PyError.type("Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try vm.len(population)
        if !counts.isNone {
            var cum: [Value] = []
            var acc: Value?
            for c in try vm.toArray(counts) {
                acc = try acc.map { try vm.binaryOp(.add, $0, c) } ?? c
                cum.append(acc!)
            }
            if cum.count != n { throw PyError.value("The number of counts does not match the population") }
            guard let total = cum.popLast() else { throw PyError.index("pop from empty list") }
            guard BuiltinNumerics.isInt(total) else { throw PyError.type("Counts must be integers") }
            let t = try vm.index(total)
            if t <= 0 { throw PyError.value("Total of counts must be greater than zero") }
            let k = try vm.index(kValue)
            if k < 0 || k > t { throw PyError.value("Sample larger than population or is negative") }
            var out: [Value] = []
            for s in sampleIndices(r, n: t, k: k) {
                // bisect_right(cum, s)
                var lo = 0, hi = cum.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if try vm.lessThan(.int(s), cum[mid]) { hi = mid } else { lo = mid + 1 }
                }
                out.append(try item(vm, population, lo))
            }
            return .object(PyList(out))
        }
        let k = try vm.index(kValue)
        if k < 0 || k > n { throw PyError.value("Sample larger than population or is negative") }
        return .object(PyList(try sampleIndices(r, n: n, k: k).map { try item(vm, population, $0) }))
    }

    static func choices(_ vm: VM, _ r: PyRandom, _ population: Value, weights: Value, cumWeights: Value, k kValue: Value) throws -> Value {
        let n = try vm.len(population)
        let k = max(0, try vm.index(kValue))
        var cum: [Value]
        if cumWeights.isNone {
            if weights.isNone {
                let nf = Double(n)
                var out: [Value] = []
                for _ in 0..<k { out.append(try vm.getItem(population, .int(Int((r.random() * nf).rounded(.down))))) }
                return .object(PyList(out))
            }
            if BuiltinNumerics.isInt(weights) {
                throw PyError.type("The number of choices must be a keyword argument: k=\(try vm.repr(weights))")
            }
            cum = []
            var acc: Value?
            for w in try vm.toArray(weights) {
                acc = try acc.map { try vm.binaryOp(.add, $0, w) } ?? w
                cum.append(acc!)
            }
        } else if !weights.isNone {
            throw PyError.type("Cannot specify both weights and cumulative weights")
        } else {
            cum = try vm.toArray(cumWeights)
        }
        if cum.count != n { throw PyError.value("The number of weights does not match the population") }
        guard let last = cum.last else { throw PyError.index("list index out of range") }
        let totalValue = try vm.binaryOp(.add, last, .float(0))
        let total = try BuiltinNumerics.toDouble(vm, totalValue)
        if total <= 0.0 { throw PyError.value("Total of weights must be greater than zero") }
        if !total.isFinite { throw PyError.value("Total of weights must be finite") }
        let numeric: [Double]? = try? cum.map { try BuiltinNumerics.toDouble(vm, $0) }
        var out: [Value] = []
        for _ in 0..<k {
            let x = r.random() * total
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                let less = try numeric.map { x < $0[mid] } ?? vm.lessThan(.float(x), cum[mid])
                if less { hi = mid } else { lo = mid + 1 }
            }
            out.append(try vm.getItem(population, .int(lo)))
        }
        return .object(PyList(out))
    }
}
