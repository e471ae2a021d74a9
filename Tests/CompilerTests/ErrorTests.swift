import XCTest
@testable import Compiler
import Syntax

/// Compile-time SyntaxErrors: CPython 3.11's messages, at CPython's locations
/// (`line`, 1-based `column` = col_offset + 1).
final class ErrorTests: XCTestCase {
    func check(_ source: String, _ message: String, line: Int, column: Int,
               file: StaticString = #filePath, fline: UInt = #line) {
        guard let e = compileError(source, file: file, line: fline) else { return }
        XCTAssertEqual(e.message, message, file: file, line: fline)
        XCTAssertEqual(e.line, line, "line", file: file, line: fline)
        XCTAssertEqual(e.column, column, "column", file: file, line: fline)
        XCTAssertEqual(e.filename, "<test>", file: file, line: fline)
        XCTAssertEqual(e.kind, .syntaxError, file: file, line: fline)
    }

    func testReturnOutsideFunction() {
        check("return 1", "'return' outside function", line: 1, column: 1)
        check("x = 1\nclass C:\n    return\n", "'return' outside function", line: 3, column: 5)
        check("if x:\n    return x\n", "'return' outside function", line: 2, column: 5)
    }

    func testBreakAndContinueOutsideLoop() {
        check("break", "'break' outside loop", line: 1, column: 1)
        check("continue", "'continue' not properly in loop", line: 1, column: 1)
        check("def f():\n    for x in y:\n        pass\n    break\n", "'break' outside loop", line: 4, column: 5)
        // A function body does not see the enclosing loop.
        check("while x:\n    def f():\n        continue\n", "'continue' not properly in loop", line: 3, column: 9)
        check("for x in y:\n    class C:\n        break\n", "'break' outside loop", line: 3, column: 9)
    }

    func testBreakAndContinueInsideTryAndWithAreFine() {
        let code = compileOK("""
        for x in y:
            try:
                continue
            finally:
                continue
            with m:
                break
        """)
        XCTAssertNotNil(code)
    }

    func testYieldOutsideFunction() {
        check("yield 1", "'yield' outside function", line: 1, column: 1)
        check("class C:\n    x = yield\n", "'yield' outside function", line: 2, column: 9)
        check("x = [y for y in (yield)]", "'yield' outside function", line: 1, column: 18)
        check("def f():\n    return [(yield x) for x in y]\n", "'yield' inside list comprehension", line: 2, column: 14)
        check("def f():\n    return ((yield x) for x in y)\n", "'yield' inside generator expression", line: 2, column: 14)
        check("def f():\n    return {(yield x) for x in y}\n", "'yield' inside set comprehension", line: 2, column: 14)
        check("def f():\n    return {x: (yield x) for x in y}\n", "'yield' inside dict comprehension", line: 2, column: 17)
    }

    func testGlobalAndNonlocalErrors() {
        check("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", line: 3, column: 5)
        check("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", line: 3, column: 5)
        check("def f(x):\n    global x\n", "name 'x' is parameter and global", line: 2, column: 5)
        check("def f():\n    x = 1\n    def g():\n        x\n        nonlocal x\n",
              "name 'x' is used prior to nonlocal declaration", line: 5, column: 9)
        check("def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal", line: 2, column: 5)
        check("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", line: 2, column: 5)
        check("x = 1\ndef f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", line: 3, column: 5)
        check("nonlocal x", "nonlocal declaration not allowed at module level", line: 1, column: 1)
        check("class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", line: 2, column: 5)
        check("def f():\n    global x\n    nonlocal x\n", "name 'x' is nonlocal and global", line: 2, column: 5)
        // The binding of a nonlocal must be in a function, not a class body.
        check("def f():\n    class C:\n        x = 1\n        def g():\n            nonlocal x\n",
              "no binding for nonlocal 'x' found", line: 5, column: 13)
        check("def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global", line: 3, column: 5)
    }

    func testImportStarOutsideModule() {
        check("def f():\n    from m import *\n", "import * only allowed at module level", line: 2, column: 19)
        check("class C:\n    from m import *\n", "import * only allowed at module level", line: 2, column: 19)
        XCTAssertNotNil(compileOK("from m import *"))
    }

    func testAssignmentTargetErrors() {
        XCTAssertEqual(compileError("a, *b, *c = x")?.message, "multiple starred expressions in assignment")
        check("*a = 1", "starred assignment target must be in a list or tuple", line: 1, column: 1)
        check("__debug__ = 1", "cannot assign to __debug__", line: 1, column: 1)
        check("def f(__debug__): pass", "cannot assign to __debug__", line: 1, column: 7)
        check("del __debug__", "cannot delete __debug__", line: 1, column: 5)
    }

    func testAssignmentTargetErrorsOnHandBuiltAST() {
        // The parser rejects these; the compiler must too when given such an AST directly.
        func loc(_ c: Int) -> SourceLocation { SourceLocation(line: 1, column: c, endLine: 1, endColumn: c + 3) }
        let call = Expr(.call(func: Expr(.name(id: "f"), loc: loc(0)), args: [], keywords: []), loc: loc(0))
        let one = Expr(.constant(.int("1")), loc: loc(6))
        for (stmt, message) in [
            (StmtKind.assign(targets: [call], value: one), "cannot assign to function call"),
            (.delete(targets: [call]), "cannot delete function call"),
            (.augAssign(target: call, op: .add, value: one), "'function call' is an illegal expression for augmented assignment"),
            (.assign(targets: [one], value: one), "cannot assign to literal"),
            (.assign(targets: [Expr(.tuple(elts: [Expr(.starred(value: one), loc: loc(0)), Expr(.starred(value: one), loc: loc(4))]), loc: loc(0))], value: one),
             "multiple starred expressions in assignment"),
            (.for(target: Expr(.binOp(left: one, op: .add, right: one), loc: loc(4)), iter: one, body: [Stmt(.pass, loc: loc(0))], orelse: []),
             "cannot assign to expression"),
        ] {
            let module = Module(body: [Stmt(stmt, loc: loc(0))])
            XCTAssertThrowsError(try Compiler.compile(module, filename: "<ast>", mode: .exec)) { e in
                XCTAssertEqual((e as? SyntaxError)?.message, message)
                XCTAssertEqual((e as? SyntaxError)?.filename, "<ast>")
            }
        }
    }

    func testMiscCompilerErrors() {
        check("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", line: 3, column: 1)
        check("f(a=1, a=2)", "keyword argument repeated: a", line: 1, column: 8)
        check("def f(a, a): pass", "duplicate argument 'a' in function definition", line: 1, column: 10)
        check("if (y := 1): pass", "assignment expressions (:=) are not supported yet", line: 1, column: 5)
    }

    func testErrorCarriesSourceText() throws {
        let e = try XCTUnwrap(compileError("x = 1\nbreak\n"))
        XCTAssertEqual(e.text, "break\n")
        XCTAssertEqual(e.endLine, 2)
        XCTAssertEqual(e.endColumn, 6)
    }

    func testEvalModeRequiresAnExpression() {
        let stmt = Module(body: [Stmt(.pass, loc: SourceLocation(line: 1, column: 0, endLine: 1, endColumn: 4))])
        XCTAssertThrowsError(try Compiler.compile(stmt, filename: "<ast>", mode: .eval))
        XCTAssertThrowsError(try Compiler.compile(source: "x = 1", filename: "<e>", mode: .eval))
    }
}
