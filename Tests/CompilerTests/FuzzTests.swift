import XCTest
@testable import Compiler
import Syntax

/// Random programs of nested control flow (loops, try/except/else/finally, with, break / continue /
/// return / raise, yields, comprehensions, closures): every one must compile to code with a sound stack.
final class FuzzTests: XCTestCase {
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    struct Gen {
        var rng: RNG
        var out: [String] = []
        var names = ["a", "b", "c", "x", "y"]

        mutating func expr(_ depth: Int = 0) -> String {
            if depth > 2 { return names[rng.below(names.count)] }
            switch rng.below(12) {
            case 0: return "\(rng.below(100))"
            case 1: return "(\(expr(depth + 1)) + \(expr(depth + 1)))"
            case 2: return "f(\(expr(depth + 1)), k=\(expr(depth + 1)))"
            case 3: return "[\(names[0]) for \(names[0]) in \(expr(depth + 1)) if \(expr(depth + 1))]"
            case 4: return "((lambda q: q + \(names[rng.below(names.count)]))(1))"
            case 5: return "(\(expr(depth + 1)) if \(expr(depth + 1)) else \(expr(depth + 1)))"
            case 6: return "(\(expr(depth + 1)) < \(expr(depth + 1)) <= \(expr(depth + 1)))"
            case 7: return "(not (\(expr(depth + 1)) and \(expr(depth + 1)) or \(expr(depth + 1))))"
            case 8: return "o.m(*\(expr(depth + 1)), **\(expr(depth + 1)))"
            case 9: return "{\(expr(depth + 1)): \(expr(depth + 1)), **\(expr(depth + 1))}"
            case 10: return "f'{\(names[rng.below(names.count)])!r:>{\(names[rng.below(names.count)])}}'"
            default: return names[rng.below(names.count)]
            }
        }

        mutating func line(_ indent: Int, _ s: String) { out.append(String(repeating: "    ", count: indent) + s) }

        mutating func block(_ indent: Int, depth: Int, inLoop: Bool, inFunction: Bool, inGenerator: Bool) {
            let n = 1 + rng.below(3)
            for _ in 0..<n { stmt(indent, depth: depth, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator) }
        }

        mutating func stmt(_ indent: Int, depth: Int, inLoop: Bool, inFunction: Bool, inGenerator: Bool) {
            let simple = depth > 3
            let choice = simple ? rng.below(6) : rng.below(16)
            switch choice {
            case 0: line(indent, "\(names[rng.below(names.count)]) = \(expr())")
            case 1: line(indent, "f(\(expr()))")
            case 2:
                if inLoop { line(indent, rng.below(2) == 0 ? "break" : "continue") } else { line(indent, "pass") }
            case 3:
                if inFunction { line(indent, rng.below(2) == 0 ? "return" : "return \(expr())") } else { line(indent, "pass") }
            case 4:
                if inGenerator { line(indent, rng.below(2) == 0 ? "x = yield \(expr())" : "yield from \(expr())") }
                else { line(indent, "a, *b = \(expr())") }
            case 5: line(indent, rng.below(2) == 0 ? "raise" : "raise E(\(expr())) from None")
            case 6:
                line(indent, "for \(names[rng.below(names.count)]) in \(expr()):")
                block(indent + 1, depth: depth + 1, inLoop: true, inFunction: inFunction, inGenerator: inGenerator)
                if rng.below(3) == 0 {
                    line(indent, "else:")
                    block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                }
            case 7:
                line(indent, "while \(expr()):")
                block(indent + 1, depth: depth + 1, inLoop: true, inFunction: inFunction, inGenerator: inGenerator)
            case 8, 9:
                line(indent, "try:")
                block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                let handlers = rng.below(3)
                for h in 0..<handlers {
                    switch rng.below(3) {
                    case 0: line(indent, "except E as e\(h):")
                    case 1: line(indent, "except (E, F):")
                    default: line(indent, h == handlers - 1 ? "except:" : "except E:")
                    }
                    block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                }
                if handlers > 0 && rng.below(3) == 0 {
                    line(indent, "else:")
                    block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                }
                if handlers == 0 || rng.below(2) == 0 {
                    line(indent, "finally:")
                    block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                }
            case 10:
                line(indent, rng.below(2) == 0 ? "with \(expr()) as (p, q), m:" : "with m:")
                block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
            case 11:
                line(indent, "if \(expr()):")
                block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
                line(indent, "elif \(expr()):")
                block(indent + 1, depth: depth + 1, inLoop: inLoop, inFunction: inFunction, inGenerator: inGenerator)
            case 12:
                let gen = rng.below(2) == 0
                line(indent, "def g\(depth)(a, *r, k=\(expr()), **kw):")
                if gen { line(indent + 1, "yield") }
                if rng.below(2) == 0 { line(indent + 1, "nonlocal_free = \(names[rng.below(names.count)])") }
                block(indent + 1, depth: depth + 1, inLoop: false, inFunction: true, inGenerator: gen)
            case 13:
                line(indent, "class K\(depth)(B):")
                line(indent + 1, "def m(self, v=\(expr())):")
                line(indent + 2, "return super().m(v), __class__")
                block(indent + 1, depth: depth + 1, inLoop: false, inFunction: false, inGenerator: false)
            case 14:
                line(indent, "assert \(expr()), \(expr())")
            default:
                line(indent, "o.attr[\(expr())] += \(expr())")
            }
        }
    }

    func testRandomControlFlow() throws {
        var failures = 0
        var parseFailures = 0
        for seed in 1...150 {
            var g = Gen(rng: RNG(state: UInt64(seed) &* 0x9E3779B97F4A7C15))
            g.line(0, "def main(a, b, c):")
            g.line(1, "x = y = 0")
            let gen = seed % 3 == 0
            if gen { g.line(1, "yield") }
            g.block(1, depth: 0, inLoop: false, inFunction: true, inGenerator: gen)
            g.block(0, depth: 1, inLoop: false, inFunction: false, inGenerator: false)
            let source = g.out.joined(separator: "\n") + "\n"
            let module: Module
            do {
                module = try Parser.parseModule(source, filename: "fuzz\(seed)")
            } catch {
                parseFailures += 1
                if parseFailures <= 3 { print("parse failure \(error)\n\(source)") }
                continue
            }
            do {
                let code = try Compiler.compile(module, filename: "fuzz\(seed)", mode: .exec, source: source)
                let problems = verifyStack(code)
                if !problems.isEmpty {
                    failures += 1
                    XCTFail("seed \(seed): \(problems)\n\(source)")
                }
            } catch {
                failures += 1
                XCTFail("seed \(seed): \(error)\n\(source)")
            }
            if failures > 3 { break }
        }
        XCTAssertLessThan(parseFailures, 15, "the generator should produce mostly valid programs")
    }
}
