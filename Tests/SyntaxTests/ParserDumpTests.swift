import XCTest
@testable import Syntax

/// AST shape tests: each source is parsed and dumped in `ast.dump` format and
/// compared with the dump CPython produced for the same source.
final class ParserDumpTests: XCTestCase {
    func testExpressionsAndPrecedence() {
        XCTAssertGreaterThan(RecordedDumps.expressions.count, 40)
        for (src, expected) in RecordedDumps.expressions {
            XCTAssertEqual(moduleDump(src), expected, "source: \(src.debugDescription)")
        }
    }

    func testStatements() {
        for (src, expected) in RecordedDumps.statements {
            XCTAssertEqual(moduleDump(src), expected, "source: \(src.debugDescription)")
        }
    }

    func testLiterals() {
        for (src, expected) in RecordedDumps.literals {
            XCTAssertEqual(moduleDump(src), expected, "source: \(src.debugDescription)")
        }
    }

    func testLocations() {
        for (src, expected) in RecordedDumps.locations {
            XCTAssertEqual(moduleDump(src, locations: true), expected, "source: \(src.debugDescription)")
        }
    }

    func testEvalMode() throws {
        for (src, expected) in RecordedDumps.evalExpressions {
            XCTAssertEqual(try Parser.parseExpression(src, filename: "<string>").dump(), expected, "source: \(src.debugDescription)")
        }
    }

    func testEvalModeRejectsStatementsAndStarred() {
        for src in ["x = 1", "*a, b", "pass", "1 2"] {
            XCTAssertThrowsError(try Parser.parseExpression(src, filename: "<string>"), src) { error in
                XCTAssertEqual((error as? SyntaxError)?.message, "invalid syntax", src)
            }
        }
    }

    func testInteractiveParsesLikeModule() throws {
        let m = try Parser.parseInteractive("x = 1\nif x:\n    print(x)\n")
        XCTAssertEqual(m, try Parser.parseModule("x = 1\nif x:\n    print(x)\n", filename: "<stdin>"))
        XCTAssertEqual(m.body.count, 2)
    }
}
