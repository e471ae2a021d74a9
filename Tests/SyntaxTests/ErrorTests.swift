import XCTest
@testable import Syntax

final class ErrorTests: XCTestCase {
    /// Message, class and position of every recorded CPython error.
    func testRecordedErrors() {
        XCTAssertGreaterThan(RecordedErrors.cases.count, 150)
        for c in RecordedErrors.cases {
            guard let e = syntaxError(c.source) else { continue }
            let what = "source: \(c.source.debugDescription)"
            XCTAssertEqual(e.kind.rawValue, c.kind, what)
            XCTAssertEqual(e.message, c.message, what)
            XCTAssertEqual(e.line, c.line, what)
            XCTAssertEqual(e.column, c.offset, what)
            XCTAssertEqual(e.endLine, c.endLine, what)
            XCTAssertEqual(e.endColumn, c.endOffset, what)
            XCTAssertEqual(e.filename, "t.py", what)
        }
    }

    /// `formatted()` renders exactly what `python3 t.py` prints.
    func testFormattedLikeCPython() {
        XCTAssertGreaterThan(RecordedErrors.formatted.count, 50)
        for (src, expected) in RecordedErrors.formatted {
            guard let e = syntaxError(src) else { continue }
            XCTAssertEqual(e.formatted(), expected, "source: \(src.debugDescription)")
        }
    }

    func testFormattedExample() throws {
        let e = try XCTUnwrap(syntaxError("x = (1 +\n"))
        XCTAssertEqual(e.formatted(), """
              File "t.py", line 1
                x = (1 +
                    ^
            SyntaxError: '(' was never closed

            """)
        XCTAssertEqual(e.text, "x = (1 +\n")
    }

    func testTextIsTheSourceLine() throws {
        let e = try XCTUnwrap(syntaxError("a = 1\nb = = 2\nc = 3\n"))
        XCTAssertEqual(e.text, "b = = 2\n")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 5)
    }

    func testUnsupportedFeatures() {
        let cases: [(String, String)] = [
            ("async def f(): pass", "'async' is not supported yet"),
            ("x = await y", "'await' is not supported yet"),
            ("match x:\n    case 1:\n        pass\n", "'match' statement is not supported yet"),
            ("x = 1j", "complex numbers are not supported"),
            ("try:\n    pass\nexcept* E:\n    pass\n", "'except*' is not supported yet"),
            ("[x async for x in y]", "'async' is not supported yet"),
        ]
        for (src, message) in cases {
            XCTAssertEqual(syntaxError(src)?.message, message, src)
        }
        // `match` is still an ordinary name.
        XCTAssertNotNil(moduleDump("match = [1]\nmatch[0] = 2\nprint(match)\n"))
    }

    func testDeepNestingFailsCleanly() {
        XCTAssertEqual(syntaxError("x = " + String(repeating: "-", count: 100_000) + "1")?.message,
                       "maximum recursion depth exceeded during compilation")
        XCTAssertEqual(syntaxError("x = " + Array(repeating: "1", count: 100_000).joined(separator: "+"))?.message,
                       "maximum recursion depth exceeded during compilation")
        XCTAssertNotNil(moduleDump("x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)))
        var deep = ""
        for i in 0..<101 { deep += String(repeating: " ", count: i) + "if x:\n" }
        deep += String(repeating: " ", count: 101) + "pass\n"
        XCTAssertEqual(syntaxError(deep)?.message, "too many levels of indentation")
    }

    func testErrorForCompilerHelpers() {
        let e = SyntaxError(message: "'return' outside function", filename: "f.py",
                            loc: SourceLocation(line: 2, column: 4, endLine: 2, endColumn: 10),
                            source: "def f(): pass\n    return\n")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 5)
        XCTAssertEqual(e.endColumn, 11)
        XCTAssertEqual(e.text, "    return\n")
        XCTAssertEqual(e.formatted(), "  File \"f.py\", line 2\n    return\n    ^^^^^^\nSyntaxError: 'return' outside function\n")
    }
}

extension ErrorTests {
    func testNullBytes() throws {
        let e = try XCTUnwrap(syntaxError("x = 1\ny = \"a\u{0}b\"\n"))
        XCTAssertEqual(e.message, "source code cannot contain null bytes")
        XCTAssertEqual(e.line, 2)
        // As printed by `python3 t.py` for such a file.
        XCTAssertEqual(e.formatted(), "  File \"t.py\", line 2\n    y = \"a\nSyntaxError: source code cannot contain null bytes\n")
    }
}
