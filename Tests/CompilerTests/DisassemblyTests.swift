import XCTest
@testable import Compiler
import Syntax

/// Disassembly snapshots of small functions, written from CPython 3.11's code layouts
/// (minus RESUME/PRECALL/CACHE, with instruction indices instead of byte offsets).
final class DisassemblyTests: XCTestCase {
    func snapshot(_ source: String, function: String, _ expected: String,
                  file: StaticString = #filePath, line: UInt = #line) {
        guard let module = compileOK(source, file: file, line: line) else { return }
        guard let code = findCode(module, function) else {
            XCTFail("no code object \(function)", file: file, line: line)
            return
        }
        let actual = code.disassemble()
        if actual != expected {
            XCTFail("disassembly of \(function) differs:\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
        }
        XCTAssertEqual(verifyStack(code), [], file: file, line: line)
    }

    func testClosureCounter() {
        snapshot("""
        def counter():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        """, function: "counter", """
          2           0 LOAD_CONST               0 (0)
                      1 STORE_DEREF              0 (n)

          3           2 LOAD_CLOSURE             0 (n)
                      3 BUILD_TUPLE              1
                      4 LOAD_CONST               1 (<code object inc, file "<test>", line 3>)
                      5 MAKE_FUNCTION            8 (closure)
                      6 STORE_FAST               0 (inc)

          7           7 LOAD_FAST                0 (inc)
                      8 RETURN_VALUE

        Disassembly of <code object inc, file "<test>", line 3>:
          5           0 LOAD_DEREF               0 (n)
                      1 LOAD_CONST               0 (1)
                      2 BINARY_OP               13 (+=)
                      3 STORE_DEREF              0 (n)

          6           4 LOAD_DEREF               0 (n)
                      5 RETURN_VALUE

        """)
    }

    func testChainedComparison() {
        // b is evaluated once: SWAP/COPY keep it for the next comparison; the cleanup drops it.
        snapshot("""
        def g(a, b):
            return a < b < 10
        """, function: "g", """
          2           0 LOAD_FAST                0 (a)
                      1 LOAD_FAST                1 (b)
                      2 SWAP                     2
                      3 COPY                     2
                      4 COMPARE_OP               0 (<)
                      5 JUMP_IF_FALSE_OR_POP     9 (to 9)
                      6 LOAD_CONST               0 (10)
                      7 COMPARE_OP               0 (<)
                      8 JUMP                    11 (to 11)
                >>    9 SWAP                     2
                     10 POP_TOP
                >>   11 RETURN_VALUE

        """)
    }

    func testTryExceptAsWithReturn() {
        // The clause body runs under a handler that deletes `e`; `return e` unwinds inline
        // (swap the value under prev_exc, popExcept, delete e) before returning.
        snapshot("""
        def h():
            try:
                f()
            except E as e:
                return e
        """, function: "h", """
          3           0 PUSH_NULL
                      1 LOAD_GLOBAL              0 (f)
                      2 CALL                     0
                      3 POP_TOP

          2           4 JUMP                    25 (to 25)
                >>    5 PUSH_EXC_INFO

          4           6 LOAD_GLOBAL              1 (E)
                      7 CHECK_EXC_MATCH
                      8 POP_JUMP_IF_FALSE       21 (to 21)
                      9 STORE_FAST               0 (e)

          5          10 LOAD_FAST                0 (e)
                     11 SWAP                     2
                     12 POP_EXCEPT
                     13 LOAD_CONST               0 (None)
                     14 STORE_FAST               0 (e)
                     15 DELETE_FAST              0 (e)
                     16 RETURN_VALUE

          4     >>   17 LOAD_CONST               0 (None)
                     18 STORE_FAST               0 (e)
                     19 DELETE_FAST              0 (e)
                     20 RERAISE                  1

          2     >>   21 RERAISE                  0
                >>   22 COPY                     3
                     23 POP_EXCEPT
                     24 RERAISE                  1
                >>   25 LOAD_CONST               0 (None)
                     26 RETURN_VALUE
        ExceptionTable:
          0 to 3 -> 5 [0]
          5 to 9 -> 22 [1] lasti
          10 to 10 -> 17 [1] lasti
          11 to 11 -> 22 [1] lasti
          17 to 21 -> 22 [1] lasti

        """)
    }

    func testSwapAssignmentBuildsNoTuple() throws {
        // CPython 3.11 turns BUILD_TUPLE n; UNPACK_SEQUENCE n (n = 2, 3) into SWAP n.
        let module = try XCTUnwrap(compileOK("def f(a, b, c):\n    a, b = b, a + b\n    a, b, c = c, a, b\n    return a\n"))
        let ops = try XCTUnwrap(findCode(module, "f")).instructions.map(\.op)
        XCTAssertFalse(ops.contains(.buildTuple) || ops.contains(.unpackSequence), "\(ops)")
        XCTAssertEqual(ops.filter { $0 == .swap }.count, 2)
    }

    func testWithReturn() {
        // `return v` inside `with`: __exit__(None, None, None) runs inline with the value kept below.
        // Unlike CPython 3.11, BEFORE_WITH pushes __exit__ in method form, `[exit, self]` (see its doc),
        // so the value is rotated below two slots and the exit call is CALL 3.
        snapshot("""
        def w(m):
            with m as v:
                return v
        """, function: "w", """
          2           0 LOAD_FAST                0 (m)
                      1 BEFORE_WITH
                      2 STORE_FAST               1 (v)

          3           3 LOAD_FAST                1 (v)

          2           4 SWAP                     3
                      5 SWAP                     2
                      6 LOAD_CONST               0 (None)
                      7 LOAD_CONST               0 (None)
                      8 LOAD_CONST               0 (None)
                      9 CALL                     3
                     10 POP_TOP

          3          11 RETURN_VALUE

          2     >>   12 PUSH_EXC_INFO
                     13 WITH_EXCEPT_START
                     14 POP_JUMP_IF_TRUE        21 (to 21)
                     15 COPY                     3
                     16 SWAP                     2
                     17 RERAISE                  1
                >>   18 COPY                     3
                     19 POP_EXCEPT
                     20 RERAISE                  1
                >>   21 POP_TOP
                     22 POP_EXCEPT
                     23 POP_TOP
                     24 POP_TOP
                     25 POP_TOP
                     26 LOAD_CONST               0 (None)
                     27 RETURN_VALUE
        ExceptionTable:
          2 to 3 -> 12 [2] lasti
          12 to 17 -> 18 [4] lasti
          21 to 21 -> 18 [4] lasti

        """)
    }

    func testYieldFrom() {
        snapshot("""
        def gen(it):
            yield from it
        """, function: "gen", """
          1           0 RETURN_GENERATOR

          2           1 LOAD_FAST                0 (it)
                      2 GET_YIELD_FROM_ITER
                      3 LOAD_CONST               0 (None)
                >>    4 SEND                     7 (to 7)
                      5 YIELD_VALUE
                      6 JUMP                     4 (to 4)
                >>    7 POP_TOP
                      8 LOAD_CONST               0 (None)
                      9 RETURN_VALUE

        """)
    }

    func testMethodAndStarCalls() {
        snapshot("""
        def c(o, a, k):
            o.m(a, key=k)
            return f(*a, **k)
        """, function: "c", """
          2           0 LOAD_FAST                0 (o)
                      1 LOAD_METHOD              0 (m)
                      2 LOAD_FAST                1 (a)
                      3 LOAD_FAST                2 (k)
                      4 KW_NAMES                 0 (('key',))
                      5 CALL                     2
                      6 POP_TOP

          3           7 PUSH_NULL
                      8 LOAD_GLOBAL              1 (f)
                      9 BUILD_LIST               0
                     10 LOAD_FAST                1 (a)
                     11 LIST_EXTEND              1
                     12 LIST_TO_TUPLE
                     13 BUILD_MAP                0
                     14 LOAD_FAST                2 (k)
                     15 DICT_MERGE               1
                     16 CALL_FUNCTION_EX         1
                     17 RETURN_VALUE

        """)
    }

    func testClassBodyAndDecorators() {
        snapshot("""
        @d
        class K(B):
            "doc"
            def __m(self):
                return super().__m()
        """, function: "K", """
          2           0 LOAD_NAME                0 (__name__)
                      1 STORE_NAME               1 (__module__)
                      2 LOAD_CONST               0 ('K')
                      3 STORE_NAME               2 (__qualname__)

          3           4 LOAD_CONST               1 ('doc')
                      5 STORE_NAME               3 (__doc__)

          4           6 LOAD_CLOSURE             0 (__class__)
                      7 BUILD_TUPLE              1
                      8 LOAD_CONST               2 (<code object __m, file "<test>", line 4>)
                      9 MAKE_FUNCTION            8 (closure)
                     10 STORE_NAME               4 (_K__m)
                     11 LOAD_CLOSURE             0 (__class__)
                     12 STORE_NAME               5 (__classcell__)
                     13 LOAD_CONST               3 (None)
                     14 RETURN_VALUE

        Disassembly of <code object __m, file "<test>", line 4>:
          5           0 PUSH_NULL
                      1 LOAD_GLOBAL              0 (super)
                      2 LOAD_DEREF               0 (__class__)
                      3 LOAD_FAST                0 (self)
                      4 CALL                     2
                      5 LOAD_METHOD              1 (_K__m)
                      6 CALL                     0
                      7 RETURN_VALUE

        """)
        let module = compileOK("@d\nclass K(B):\n    pass\n")
        XCTAssertEqual(module?.instructions.map(\.op),
                       [.loadName, .pushNull, .loadBuildClass, .loadConst, .makeFunction, .loadConst, .loadName,
                        .call, .call, .storeName, .loadConst, .returnValue])
        XCTAssertEqual(module?.instructions[7].arg, 3)  // build_class(func, 'K', B)
        XCTAssertEqual(module?.instructions[8].arg, 0)  // d(K) via [d, K] call 0
        XCTAssertEqual(findCode(module!, "K")?.firstLine, 1)  // the first decorator's line
    }

    func testModuleLevelForms() {
        let code = compileOK("""
        '''Module doc.'''
        x = -5, 2.5
        for i in [1, 2]:
            pass
        """)
        XCTAssertEqual(code?.docstring, "Module doc.")
        XCTAssertEqual(code?.disassemble(), """
          1           0 LOAD_CONST               0 ('Module doc.')
                      1 STORE_NAME               0 (__doc__)

          2           2 LOAD_CONST               1 ((-5, 2.5))
                      3 STORE_NAME               1 (x)

          3           4 LOAD_CONST               2 ((1, 2))
                      5 GET_ITER
                >>    6 FOR_ITER                 9 (to 9)
                      7 STORE_NAME               2 (i)
                      8 JUMP                     6 (to 6)
                >>    9 LOAD_CONST               3 (None)
                     10 RETURN_VALUE

        """)
    }
}
