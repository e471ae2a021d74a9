import XCTest
@testable import Compiler
import BigInt
import Syntax

final class CodeObjectTests: XCTestCase {
    func ops(_ code: CodeObject?) -> [Opcode] { code?.instructions.map(\.op) ?? [] }

    func testEvalMode() throws {
        let code = try XCTUnwrap(compileOK("1 + x", mode: .eval))
        XCTAssertEqual(ops(code), [.loadConst, .loadName, .binaryOp, .returnValue])
        XCTAssertEqual(code.name, "<module>")
        XCTAssertTrue(code.flags.contains(.usesLocalsDict))
        let lam = try XCTUnwrap(compileOK("lambda y: y", mode: .eval))
        XCTAssertEqual(ops(lam), [.loadConst, .makeFunction, .returnValue])
    }

    func testInteractiveModePrintsModuleLevelExpressions() throws {
        let code = try XCTUnwrap(compileOK("x = 1\nx\nfor i in y: i\ndef f(): g\n", mode: .interactive))
        XCTAssertEqual(ops(code).filter { $0 == .printExpr }.count, 2)
        XCTAssertFalse(ops(findCode(code, "f")).contains(.printExpr))
        XCTAssertEqual(ops(findCode(code, "f")), [.loadGlobal, .popTop, .loadConst, .returnValue])
        // exec mode pops instead, and drops constant expression statements entirely.
        let exec = try XCTUnwrap(compileOK("x\n1\n'str'\n..."))
        XCTAssertEqual(ops(exec), [.loadName, .popTop, .loadConst, .returnValue])
    }

    func testDocstrings() throws {
        let code = try XCTUnwrap(compileOK("""
        "mod"
        def f():
            "fdoc"
            return 1
        class C:
            "cdoc"
        g = lambda: "notdoc"
        def h():
            x = 1
            "not a docstring"
        """))
        XCTAssertEqual(code.docstring, "mod")
        let f = try XCTUnwrap(findCode(code, "f"))
        XCTAssertEqual(f.docstring, "fdoc")
        XCTAssertEqual(ops(f), [.loadConst, .returnValue])
        XCTAssertFalse(f.consts.contains(.str("fdoc")))
        let c = try XCTUnwrap(findCode(code, "C"))
        XCTAssertEqual(c.docstring, "cdoc")
        XCTAssertTrue(c.names.contains("__doc__"))
        XCTAssertNil(findCode(code, "<lambda>")?.docstring)
        XCTAssertNil(findCode(code, "h")?.docstring)
    }

    func testGeneratorFunctions() throws {
        let code = try XCTUnwrap(compileOK("""
        def gen(n):
            if n:
                return n
            yield n
        def notgen():
            return lambda: (yield)
        """))
        let gen = try XCTUnwrap(findCode(code, "gen"))
        XCTAssertTrue(gen.flags.contains(.generator))
        XCTAssertEqual(gen.instructions.first?.op, .returnGenerator)
        let notgen = try XCTUnwrap(findCode(code, "notgen"))
        XCTAssertFalse(notgen.flags.contains(.generator))
        let lam = try XCTUnwrap(findCode(code, "<lambda>"))
        XCTAssertTrue(lam.flags.contains(.generator))
        XCTAssertEqual(ops(lam), [.returnGenerator, .loadConst, .yieldValue, .returnValue])
    }

    func testConstantsAreDeduplicatedByTypeAndSign() throws {
        let code = try XCTUnwrap(compileOK("a = -0.0\nb = 0.0\nc = 1\nd = 1.0\ne = True\nf = 1\ng = -0\nh = 12345678901234567890\n"))
        XCTAssertEqual(code.consts.count, 8)  // -0.0, 0.0, 1, 1.0, True, 0, big, None
        XCTAssertEqual(code.consts[0].floatBits, (-0.0).bitPattern)
        XCTAssertEqual(code.consts[1].floatBits, (0.0).bitPattern)
        XCTAssertEqual(code.consts[5], .int(0))
        XCTAssertEqual(code.consts[6], .int(BigInt("12345678901234567890")))
    }

    func testConstantFolding() throws {
        let code = try XCTUnwrap(compileOK("x = (1, -2, (3.5, 'a'), None)\ny = [1, 2, 3]\nz = -(5)\nw = --5\n"))
        XCTAssertEqual(code.consts[0], .tuple([.int(1), .int(-2), .tuple([.float(3.5), .str("a")]), .none]))
        XCTAssertEqual(ops(code), [.loadConst, .storeName, .buildList, .loadConst, .listExtend, .storeName,
                                   .loadConst, .storeName, .loadConst, .storeName, .loadConst, .returnValue])
        XCTAssertEqual(code.consts[2], .int(-5))
        XCTAssertEqual(code.consts[3], .int(5))
        // Not folded: -x, -True, non-constant tuples.
        let n = try XCTUnwrap(compileOK("a = -x\nb = -True\nc = (1, x)\n"))
        XCTAssertEqual(ops(n).filter { $0 == .unaryOp }.count, 2)
        XCTAssertTrue(ops(n).contains(.buildTuple))
    }

    func testConstantConditionsFoldJumps() throws {
        let code = try XCTUnwrap(compileOK("while True:\n    f()\nif 0:\n    g()\n"))
        XCTAssertFalse(ops(code).contains(.popJumpIfFalse))
        XCTAssertFalse(ops(code).contains(.popJumpIfTrue))
        XCTAssertEqual(ops(code), [.pushNull, .loadName, .call, .popTop, .jump])
        XCTAssertEqual(code.instructions.last?.arg, 0)
    }

    func testAnnotationsAreNeverEvaluated() throws {
        let code = try XCTUnwrap(compileOK("""
        x: f() = 1
        y: g()
        def h(a: k(), *b: m, c: n = 2, **d: o) -> p():
            z: q = 3
            return z
        """))
        for name in ["f", "g", "k", "m", "n", "o", "p", "q"] {
            XCTAssertFalse(code.names.contains(name), name)
            XCTAssertFalse(findCode(code, "h")?.names.contains(name) ?? true, name)
        }
        XCTAssertEqual(findCode(code, "h")?.varnames, ["a", "c", "b", "d", "z"])
    }

    func testDecoratedFunctionFirstLineAndOrder() throws {
        let code = try XCTUnwrap(compileOK("@a\n@b\ndef f(x=d):\n    pass\n"))
        XCTAssertEqual(findCode(code, "f")?.firstLine, 1)
        // decorators a, b evaluated first, then the defaults, then the function; applied b then a.
        XCTAssertEqual(ops(code), [.loadName, .loadName, .loadName, .buildTuple, .loadConst, .makeFunction,
                                   .call, .call, .storeName, .loadConst, .returnValue])
        XCTAssertEqual(code.names, ["a", "b", "d", "f"])
    }

    func testPositionsFollowInnermostExpression() throws {
        let code = try XCTUnwrap(compileOK("x = (a +\n     b)\n"))
        let lines = code.positions.map(\.line)
        // loadName a (line 1), loadName b (line 2), binaryOp (the whole expression, line 1), store (line 1)
        XCTAssertEqual(Array(lines.prefix(4)), [1, 2, 1, 1])
        XCTAssertEqual(code.positions[1].column, 5)
        XCTAssertEqual(code.positions[2].endLine, 2)
    }

    func testHandBuiltASTWithUnknownLocations() throws {
        // Two structurally identical lambdas at the same (unknown) location: each gets its own code object.
        let u = SourceLocation.unknown
        func lam() -> Expr { Expr(.lambda(args: .empty, body: Expr(.name(id: "v"), loc: u)), loc: u) }
        let body: [Stmt] = [
            Stmt(.assign(targets: [Expr(.name(id: "a"), loc: u)], value: lam()), loc: u),
            Stmt(.assign(targets: [Expr(.name(id: "b"), loc: u)], value: lam()), loc: u),
            Stmt(.functionDef(name: "f", args: Arguments(args: [Arg(name: "v", loc: u)]),
                              body: [Stmt(.return(value: lam()), loc: u)], decorators: [], returns: nil), loc: u),
        ]
        let code = try Compiler.compile(Module(body: body), filename: "<ast>", mode: .exec)
        XCTAssertEqual(verifyStack(code), [])
        let f = try XCTUnwrap(findCode(code, "f"))
        XCTAssertEqual(f.cellvars, ["v"])
        XCTAssertEqual(findCode(f, "<lambda>")?.freevars, ["v"])
        let moduleLambdas = code.consts.compactMap { c -> CodeObject? in
            if case let .code(o) = c, o.name == "<lambda>" { return o }
            return nil
        }
        XCTAssertEqual(moduleLambdas.count, 2)
        XCTAssertEqual(moduleLambdas.map(\.freevars), [[], []])
    }

    func testStackEffects() {
        XCTAssertEqual(stackEffect(.call, arg: 3, jump: false), -4)
        XCTAssertEqual(stackEffect(.callFunctionEx, arg: 1, jump: false), -3)
        XCTAssertEqual(stackEffect(.makeFunction, arg: 11, jump: false), -3)
        XCTAssertEqual(stackEffect(.unpackEx, arg: 1 | (2 << 8), jump: false), 3)
        XCTAssertEqual(stackEffect(.unpackSequence, arg: 3, jump: false), 2)
        XCTAssertEqual(stackEffect(.buildMap, arg: 2, jump: false), -3)
        XCTAssertEqual(stackEffect(.forIter, arg: 0, jump: false), 1)
        XCTAssertEqual(stackEffect(.forIter, arg: 0, jump: true), -1)
        XCTAssertEqual(stackEffect(.send, arg: 0, jump: true), -1)
        XCTAssertEqual(stackEffect(.jumpIfTrueOrPop, arg: 0, jump: true), 0)
        XCTAssertEqual(stackEffect(.jumpIfTrueOrPop, arg: 0, jump: false), -1)
        XCTAssertEqual(stackEffect(.formatValue, arg: 6, jump: false), -1)
        XCTAssertEqual(stackEffect(.buildSlice, arg: 3, jump: false), -2)
        XCTAssertEqual(stackEffect(.withExceptStart, arg: 0, jump: false), 1)
        for op in Opcode.allCases {
            _ = stackEffect(op, arg: 1, jump: false)  // total over the enum
        }
    }

    func testDisplayNames() {
        XCTAssertEqual(Opcode.loadConst.displayName, "LOAD_CONST")
        XCTAssertEqual(Opcode.callFunctionEx.displayName, "CALL_FUNCTION_EX")
        XCTAssertEqual(constantRepr(.tuple([.int(1)])), "(1,)")
        XCTAssertEqual(constantRepr(.str("it's")), "\"it's\"")
        XCTAssertEqual(constantRepr(.bytes([0x61, 0x0A, 0xFF])), "b'a\\n\\xff'")
        XCTAssertEqual(constantRepr(.float(1e16)), "1e+16")
        XCTAssertEqual(constantRepr(.float(2)), "2.0")
    }
}

extension Compiler.Constant {
    var floatBits: UInt64? {
        if case let .float(d) = self { return d.bitPattern }
        return nil
    }
}
