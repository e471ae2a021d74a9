import XCTest
@testable import Syntax

/// Direct checks of the AST values the compiler relies on.
final class ASTShapeTests: XCTestCase {
    func parse(_ src: String) throws -> [Stmt] {
        try Parser.parseModule(src, filename: "t.py").body
    }

    func testChainedAssignmentAndLocations() throws {
        let body = try parse("a = b = 1\n")
        guard case .assign(let targets, let value) = body[0].kind else { return XCTFail() }
        XCTAssertEqual(targets.map(\.kind), [.name(id: "a"), .name(id: "b")])
        XCTAssertEqual(value.kind, .constant(.int("1")))
        XCTAssertEqual(body[0].loc, SourceLocation(line: 1, column: 0, endLine: 1, endColumn: 9))
        XCTAssertEqual(targets[1].loc, SourceLocation(line: 1, column: 4, endLine: 1, endColumn: 5))
    }

    func testElifIsNestedIf() throws {
        let body = try parse("if a:\n    x\nelif b:\n    y\nelse:\n    z\n")
        guard case .if(_, _, let orelse) = body[0].kind, orelse.count == 1,
              case .if(let test, _, let inner) = orelse[0].kind else { return XCTFail() }
        XCTAssertEqual(test.kind, .name(id: "b"))
        XCTAssertEqual(orelse[0].loc.line, 3)
        XCTAssertEqual(inner.count, 1)
        XCTAssertEqual(body[0].loc, SourceLocation(line: 1, column: 0, endLine: 6, endColumn: 5))
    }

    func testFunctionArguments() throws {
        let body = try parse("@d\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n")
        guard case .functionDef(let name, let args, _, let decorators, let returns) = body[0].kind else { return XCTFail() }
        XCTAssertEqual(name, "f")
        XCTAssertEqual(body[0].loc.line, 2, "location starts at 'def', not the decorator")
        XCTAssertEqual(decorators.map(\.kind), [.name(id: "d")])
        XCTAssertEqual(returns?.kind, .name(id: "int"))
        XCTAssertEqual(args.posonlyargs.map(\.name), ["a", "b"])
        XCTAssertEqual(args.args.map(\.name), ["c"])
        XCTAssertEqual(args.defaults.map(\.kind), [.constant(.int("1")), .constant(.int("2"))])
        XCTAssertEqual(args.vararg?.name, "args")
        XCTAssertEqual(args.kwonlyargs.map(\.name), ["d", "e"])
        XCTAssertEqual(args.kwDefaults.map { $0?.kind }, [nil, .constant(.int("3"))])
        XCTAssertEqual(args.kwarg?.name, "kw")
    }

    func testCallArgumentsAndDictSpread() throws {
        let body = try parse("f(a, *b, c=1, **d)\nx = {**m, 'k': v}\n")
        guard case .expr(let call) = body[0].kind, case .call(let fn, let args, let keywords) = call.kind else { return XCTFail() }
        XCTAssertEqual(fn.kind, .name(id: "f"))
        XCTAssertEqual(args.count, 2)
        guard case .starred(let star) = args[1].kind else { return XCTFail() }
        XCTAssertEqual(star.kind, .name(id: "b"))
        XCTAssertEqual(keywords.map(\.arg), ["c", nil])
        guard case .assign(_, let dict) = body[1].kind, case .dict(let keys, let values) = dict.kind else { return XCTFail() }
        XCTAssertNil(keys[0])
        XCTAssertEqual(keys[1]?.kind, .constant(.str("k")))
        XCTAssertEqual(values.map(\.kind), [.name(id: "m"), .name(id: "v")])
    }

    func testImportsWithItemsAndHandlers() throws {
        let body = try parse("""
            from ..pkg.mod import (a as b, c)
            import x.y as z
            with open(p) as f, g:
                pass
            try:
                pass
            except (A, B) as e:
                pass
            finally:
                pass

            """)
        // Alias columns as CPython: [(23, 29), (31, 32)].
        XCTAssertEqual(body[0].kind, .importFrom(module: "pkg.mod", names: [
            Alias(name: "a", asname: "b", loc: SourceLocation(line: 1, column: 23, endLine: 1, endColumn: 29)),
            Alias(name: "c", loc: SourceLocation(line: 1, column: 31, endLine: 1, endColumn: 32)),
        ], level: 2))
        guard case .import(let names) = body[1].kind else { return XCTFail() }
        XCTAssertEqual(names.map(\.name), ["x.y"])
        XCTAssertEqual(names.map(\.asname), ["z"])
        guard case .with(let items, _) = body[2].kind else { return XCTFail() }
        XCTAssertEqual(items.map { $0.optionalVars?.kind }, [.name(id: "f"), nil])
        guard case .try(_, let handlers, let orelse, let finalbody) = body[3].kind else { return XCTFail() }
        XCTAssertEqual(handlers.count, 1)
        XCTAssertEqual(handlers[0].name, "e")
        guard case .tuple(let types)? = handlers[0].type?.kind else { return XCTFail() }
        XCTAssertEqual(types.count, 2)
        XCTAssertTrue(orelse.isEmpty)
        XCTAssertEqual(finalbody.count, 1)
    }

    func testComprehensionsAndYield() throws {
        let body = try parse("def g():\n    x = yield from it\n    y = [a for a, b in c if a if b for d in a]\n")
        guard case .functionDef(_, _, let fbody, _, _) = body[0].kind else { return XCTFail() }
        guard case .assign(_, let y) = fbody[0].kind else { return XCTFail() }
        XCTAssertEqual(y.kind, .yieldFrom(value: Expr(.name(id: "it"), loc: SourceLocation(line: 2, column: 19, endLine: 2, endColumn: 21))))
        guard case .assign(_, let comp) = fbody[1].kind, case .listComp(_, let gens) = comp.kind else { return XCTFail() }
        XCTAssertEqual(gens.count, 2)
        XCTAssertEqual(gens[0].ifs.count, 2)
        XCTAssertFalse(gens[0].isAsync)
        guard case .tuple(let elts) = gens[0].target.kind else { return XCTFail() }
        XCTAssertEqual(elts.count, 2)
    }

    func testAnnotatedAssignmentSimpleFlag() throws {
        let body = try parse("x: int = 1\n(y): int\na.b: str\n")
        XCTAssertEqual(body.map { stmt -> Bool? in
            if case .annAssign(_, _, _, let simple) = stmt.kind { return simple }
            return nil
        }, [true, false, false])
    }

    func testOperatorsAndCompare() throws {
        let body = try parse("-2 ** 2 < x is not y not in z\n")
        guard case .expr(let e) = body[0].kind, case .compare(let left, let ops, let comparators) = e.kind else { return XCTFail() }
        XCTAssertEqual(ops, [.lt, .isNot, .notIn])
        XCTAssertEqual(comparators.count, 3)
        guard case .unaryOp(.uSub, let pow) = left.kind, case .binOp(_, .pow, _) = pow.kind else { return XCTFail("-2**2 is -(2**2)") }
        XCTAssertEqual(BinOp.floorDiv.symbol, "//")
        XCTAssertEqual(CmpOp.notIn.symbol, "not in")
    }
}
