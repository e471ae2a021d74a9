import XCTest
@testable import Compiler
import Syntax

final class SymbolTableTests: XCTestCase {
    func testClosuresMakeCellsAndFreeVariables() throws {
        let top = try symbols("""
        x = 1
        def outer(a):
            b = 2
            c = 3
            def inner():
                return a + b + x + len
            return inner
        """)
        let outer = try XCTUnwrap(findScope(top, "outer"))
        let inner = try XCTUnwrap(findScope(top, "inner"))
        XCTAssertEqual(top.scope(of: "x"), .local)
        XCTAssertEqual(top.scope(of: "outer"), .local)
        XCTAssertEqual(outer.scope(of: "a"), .cell)
        XCTAssertEqual(outer.scope(of: "b"), .cell)
        XCTAssertEqual(outer.scope(of: "c"), .local)
        XCTAssertEqual(outer.scope(of: "inner"), .local)
        XCTAssertEqual(inner.scope(of: "a"), .free)
        XCTAssertEqual(inner.scope(of: "b"), .free)
        XCTAssertEqual(inner.scope(of: "x"), .globalImplicit)
        XCTAssertEqual(inner.scope(of: "len"), .globalImplicit)
        XCTAssertEqual(outer.cellvars, ["a", "b"])
        XCTAssertEqual(inner.freevars, ["a", "b"])
        XCTAssertTrue(inner.isNested)
        XCTAssertFalse(outer.isNested)

        let code = try XCTUnwrap(compileOK("""
        def outer(a):
            b = 2
            def inner():
                return a + b
            return inner
        """))
        let outerCode = try XCTUnwrap(findCode(code, "outer"))
        XCTAssertEqual(outerCode.varnames, ["a", "inner"])
        XCTAssertEqual(outerCode.cellvars, ["a", "b"])
        XCTAssertEqual(outerCode.cell2arg, [0, -1])
        let innerCode = try XCTUnwrap(findCode(code, "inner"))
        XCTAssertEqual(innerCode.freevars, ["a", "b"])
        XCTAssertEqual(innerCode.qualname, "outer.<locals>.inner")
        XCTAssertTrue(innerCode.flags.contains(.nested))
        XCTAssertFalse(outerCode.flags.contains(.nested))
    }

    func testNonlocalPassesThroughIntermediateScopes() throws {
        let top = try symbols("""
        def f():
            n = 0
            def g():
                nonlocal n
                n += 1
            def h():
                def k():
                    return n
                return k
            return g, h
        """)
        let f = try XCTUnwrap(findScope(top, "f"))
        XCTAssertEqual(f.scope(of: "n"), .cell)
        XCTAssertEqual(findScope(top, "g")?.scope(of: "n"), .free)
        // h never mentions n, but k's free variable passes through it.
        XCTAssertEqual(findScope(top, "h")?.scope(of: "n"), .free)
        XCTAssertEqual(findScope(top, "h")?.freevars, ["n"])
        XCTAssertEqual(findScope(top, "k")?.scope(of: "n"), .free)
    }

    func testGlobalDeclarations() throws {
        let top = try symbols("""
        def f():
            global g
            g = 1
            def inner():
                return g
            return inner
        def other():
            g = 2
            def inner2():
                return g
        """)
        XCTAssertEqual(findScope(top, "f")?.scope(of: "g"), .globalExplicit)
        // A global declared in an enclosing function is global (implicitly) in nested ones.
        XCTAssertEqual(findScope(top, "inner")?.scope(of: "g"), .globalImplicit)
        XCTAssertEqual(findScope(top, "other")?.scope(of: "g"), .cell)
        XCTAssertEqual(findScope(top, "inner2")?.scope(of: "g"), .free)
        // As in CPython, `global g` in a function marks g global at module level too.
        XCTAssertEqual(top.scope(of: "g"), .globalExplicit)

        let code = try XCTUnwrap(compileOK("""
        def f():
            global g
            g = 1
            del g
        """))
        let f = try XCTUnwrap(findCode(code, "f"))
        XCTAssertEqual(f.instructions.map(\.op), [.loadConst, .storeGlobal, .deleteGlobal, .loadConst, .returnValue])
        XCTAssertEqual(f.varnames, [])
    }

    func testClassBodyNamesAreNotVisibleInMethods() throws {
        let top = try symbols("""
        def f():
            x = 1
            class C:
                x = 2
                y = x
                def m(self):
                    return x
                def n(self):
                    return y
            return C
        """)
        let c = try XCTUnwrap(findScope(top, "C"))
        XCTAssertEqual(c.scope(of: "x"), .local)
        XCTAssertEqual(c.scope(of: "y"), .local)
        XCTAssertTrue(c.flags(of: "x").contains(.defFreeClass))
        XCTAssertEqual(c.freevars, ["x"])
        XCTAssertEqual(findScope(top, "m")?.scope(of: "x"), .free)
        XCTAssertEqual(findScope(top, "n")?.scope(of: "y"), .globalImplicit)
        XCTAssertEqual(findScope(top, "f")?.scope(of: "x"), .cell)

        let code = try XCTUnwrap(compileOK("""
        def f():
            x = 1
            class C:
                x = 2
                y = x
                def m(self):
                    return x
            return C
        """))
        let cCode = try XCTUnwrap(findCode(code, "C"))
        XCTAssertEqual(cCode.freevars, ["x"])
        let ops = cCode.instructions.map(\.op)
        // x = 2 and y = x use the class namespace; m's closure takes the free cell.
        XCTAssertTrue(ops.contains(.storeName))
        XCTAssertTrue(ops.contains(.loadName))
        XCTAssertTrue(ops.contains(.loadClosure))
        XCTAssertFalse(ops.contains(.loadClassDeref))
        XCTAssertEqual(cCode.qualname, "f.<locals>.C")
        XCTAssertEqual(findCode(cCode, "m")?.qualname, "f.<locals>.C.m")
    }

    func testFreeVariableReadInClassBodyUsesLoadClassDeref() throws {
        let code = try XCTUnwrap(compileOK("""
        def f():
            v = 1
            class C:
                w = v
            return C
        """))
        let c = try XCTUnwrap(findCode(code, "C"))
        XCTAssertEqual(c.freevars, ["v"])
        XCTAssertTrue(c.flags.contains(.usesLocalsDict))
        let load = try XCTUnwrap(c.instructions.first { $0.op == .loadClassDeref })
        XCTAssertEqual(load.arg, 0)
        XCTAssertEqual(findCode(code, "f")?.cellvars, ["v"])
    }

    func testComprehensionScopes() throws {
        let top = try symbols("""
        class C:
            a = 1
            xs = [a for _ in range(3)]
            ys = [b for b in a]
        def f(n):
            return [i * n for i in range(n)]
        """)
        let c = try XCTUnwrap(findScope(top, "C"))
        let comps = c.children.filter { $0.kind == .comprehension }
        XCTAssertEqual(comps.count, 2)
        // Inside the comprehension, the class attribute is not visible: global.
        XCTAssertEqual(comps[0].scope(of: "a"), .globalImplicit)
        XCTAssertEqual(comps[0].scope(of: ".0"), .local)
        XCTAssertEqual(comps[0].scope(of: "_"), .local)
        XCTAssertEqual(comps[0].varnames, [".0"])
        // The outermost iterable is evaluated in the class body.
        XCTAssertTrue(c.flags(of: "range").contains(.use))
        XCTAssertFalse(comps[1].symbols.keys.contains("a"))
        let f = try XCTUnwrap(findScope(top, "f"))
        XCTAssertEqual(f.scope(of: "n"), .cell)
        let comp = try XCTUnwrap(f.children.first)
        XCTAssertEqual(comp.scope(of: "n"), .free)
        XCTAssertEqual(comp.scope(of: "i"), .local)
        XCTAssertEqual(comp.comprehensionKind, .list)

        let code = try XCTUnwrap(compileOK("def f(n):\n    return [i * n for i in range(n)]\n"))
        let listcomp = try XCTUnwrap(findCode(code, "<listcomp>"))
        XCTAssertEqual(listcomp.qualname, "f.<locals>.<listcomp>")
        XCTAssertEqual(listcomp.argcount, 1)
        XCTAssertEqual(listcomp.varnames, [".0", "i"])
        XCTAssertEqual(listcomp.freevars, ["n"])
        XCTAssertFalse(listcomp.flags.contains(.generator))
        let genexp = try XCTUnwrap(findCode(try XCTUnwrap(compileOK("g = (x for x in y)")), "<genexpr>"))
        XCTAssertTrue(genexp.flags.contains(.generator))
        XCTAssertEqual(genexp.instructions.first?.op, .returnGenerator)
    }

    func testClassCellForSuperAndDunderClass() throws {
        let top = try symbols("""
        class C:
            def m(self):
                return super().m()
            def n(self):
                return __class__
            def o(self):
                return 1
        class D:
            def p(self):
                return 2
        """)
        let c = try XCTUnwrap(findScope(top, "C"))
        XCTAssertTrue(c.needsClassClosure)
        XCTAssertEqual(c.cellvars, ["__class__"])
        XCTAssertEqual(findScope(top, "m")?.scope(of: "__class__"), .free)
        XCTAssertEqual(findScope(top, "n")?.scope(of: "__class__"), .free)
        XCTAssertNil(findScope(top, "o")?.scope(of: "__class__"))
        XCTAssertFalse(try XCTUnwrap(findScope(top, "D")).needsClassClosure)

        let code = try XCTUnwrap(compileOK("""
        class C:
            def m(self, x):
                return super().m(x)
            def o(self):
                return 1
        """))
        let cCode = try XCTUnwrap(findCode(code, "C"))
        XCTAssertEqual(cCode.cellvars, ["__class__"])
        let ops = cCode.instructions.map(\.op)
        // ...; loadClosure __class__; storeName __classcell__; loadConst None; returnValue
        XCTAssertEqual(Array(ops.suffix(4)), [.loadClosure, .storeName, .loadConst, .returnValue])
        XCTAssertEqual(cCode.names[Int(cCode.instructions[cCode.instructions.count - 3].arg)], "__classcell__")
        let m = try XCTUnwrap(findCode(cCode, "m"))
        XCTAssertEqual(m.freevars, ["__class__"])
        XCTAssertEqual(Array(m.instructions.prefix(5).map(\.op)), [.pushNull, .loadGlobal, .loadDeref, .loadFast, .call])
        XCTAssertEqual(m.instructions[4].arg, 2)
        XCTAssertEqual(findCode(cCode, "o")?.freevars, [])
    }

    func testSuperWithCellFirstParameter() throws {
        // self is captured by a lambda, so it is a cell; super() loads it with loadDeref.
        let code = try XCTUnwrap(compileOK("""
        class C:
            def m(self):
                f = lambda: self
                return super().m()
        """))
        let m = try XCTUnwrap(findCode(code, "m"))
        XCTAssertEqual(m.cellvars, ["self"])
        XCTAssertEqual(m.cell2arg, [0])
        XCTAssertEqual(m.freevars, ["__class__"])
        let ops = m.instructions.map(\.op)
        let i = try XCTUnwrap(ops.firstIndex(of: .loadGlobal))
        XCTAssertEqual(Array(ops[i..<(i + 4)]), [.loadGlobal, .loadDeref, .loadDeref, .call])
        XCTAssertEqual(m.instructions[i + 1].arg, 1)  // __class__: after the one cell
        XCTAssertEqual(m.instructions[i + 2].arg, 0)  // self
    }

    func testNameMangling() throws {
        let code = try XCTUnwrap(compileOK("""
        class Foo:
            __a = 1
            __dunder__ = 2
            def __m(self, __p):
                return self.__a + __p
            class __Inner:
                pass
        class __Bar:
            __y = 2
        class ___:
            __z = 3
        """))
        let foo = try XCTUnwrap(findCode(code, "Foo"))
        XCTAssertTrue(foo.names.contains("_Foo__a"))
        XCTAssertTrue(foo.names.contains("__dunder__"))
        XCTAssertTrue(foo.names.contains("_Foo__m"))
        XCTAssertTrue(foo.names.contains("_Foo__Inner"))
        XCTAssertFalse(foo.names.contains("__a"))
        let m = try XCTUnwrap(findCode(foo, "__m"))
        XCTAssertEqual(m.qualname, "Foo.__m")
        XCTAssertEqual(m.varnames, ["self", "_Foo__p"])
        XCTAssertEqual(m.names, ["_Foo__a"])
        XCTAssertEqual(findCode(code, "__Bar")?.names.contains("_Bar__y"), true)
        // A class name of only underscores mangles nothing.
        XCTAssertEqual(findCode(code, "___")?.names.contains("__z"), true)
        XCTAssertEqual(mangle("Foo", "__x"), "_Foo__x")
        XCTAssertEqual(mangle("_Foo", "__x"), "_Foo__x")
        XCTAssertEqual(mangle("Foo", "__x__"), "__x__")
        XCTAssertEqual(mangle("Foo", "_x"), "_x")
        XCTAssertEqual(mangle("Foo", "__a.b"), "__a.b")
        XCTAssertEqual(mangle(nil, "__x"), "__x")
    }

    func testGlobalDeclaredFunctionGetsPlainQualname() throws {
        let code = try XCTUnwrap(compileOK("""
        def f():
            global g
            def g():
                pass
            def h():
                pass
        class C:
            def m(self):
                return lambda: 0
        """))
        XCTAssertEqual(findCode(code, "g")?.qualname, "g")
        XCTAssertEqual(findCode(code, "h")?.qualname, "f.<locals>.h")
        XCTAssertEqual(findCode(code, "<lambda>")?.qualname, "C.m.<locals>.<lambda>")
    }

    func testParametersOrderAndFlags() throws {
        let code = try XCTUnwrap(compileOK("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    x = 1\n"))
        let f = try XCTUnwrap(findCode(code, "f"))
        XCTAssertEqual(f.varnames, ["a", "b", "c", "d", "e", "args", "kw", "x"])
        XCTAssertEqual(f.argcount, 3)
        XCTAssertEqual(f.posonlyargcount, 2)
        XCTAssertEqual(f.kwonlyargcount, 2)
        XCTAssertEqual(f.totalArgSlots, 7)
        XCTAssertTrue(f.flags.contains(.varargs))
        XCTAssertTrue(f.flags.contains(.varkeywords))
        XCTAssertFalse(f.flags.contains(.generator))
        XCTAssertFalse(f.flags.contains(.usesLocalsDict))
        XCTAssertTrue(code.flags.contains(.usesLocalsDict))
        // defaults tuple folded to a constant; kw-defaults dict built with buildMap.
        XCTAssertEqual(code.instructions.map(\.op),
                       [.loadConst, .loadConst, .loadConst, .buildMap, .loadConst, .makeFunction, .storeName,
                        .loadConst, .returnValue])
        XCTAssertEqual(code.consts[0], .tuple([.int(1), .int(2)]))
        XCTAssertEqual(code.instructions[5].arg, 3)
    }

    func testStructurallyIdenticalScopesAndDuplicatedFinallyBodies() throws {
        // The finally body (with a lambda) is compiled three times; while tests twice.
        let code = try XCTUnwrap(compileOK("""
        def f(xs):
            for x in xs:
                try:
                    if x:
                        break
                finally:
                    g = lambda: x
            while (lambda: 1)():
                pass
            a = lambda: 0
            b = lambda: 0
        """))
        let f = try XCTUnwrap(findCode(code, "f"))
        let lambdas = f.consts.compactMap { c -> CodeObject? in
            if case let .code(o) = c { return o }
            return nil
        }
        XCTAssertEqual(lambdas.count, 7)
        XCTAssertEqual(verifyStack(code), [])
    }
}
