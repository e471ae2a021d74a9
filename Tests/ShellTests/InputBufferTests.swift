import XCTest
import Syntax
@testable import Shell

/// The REPL's continuation decisions: when to run, when to show `... `, when to report a SyntaxError.
final class InputBufferTests: XCTestCase {
    enum Kind: Equatable { case skip, meta, needMore, run, invalid }

    func kind(_ d: InputBuffer.Decision) -> Kind {
        switch d {
        case .skip: return .skip
        case .meta: return .meta
        case .needMore: return .needMore
        case .run: return .run
        case .invalid: return .invalid
        }
    }

    /// Feeds lines one by one and returns the decision after each.
    func decisions(_ lines: [String]) -> [Kind] {
        var b = InputBuffer()
        return lines.map { kind(b.feed($0)) }
    }

    func testSimpleStatementsRunAtOnce() {
        XCTAssertEqual(decisions(["x = 1"]), [.run])
        XCTAssertEqual(decisions(["1 + 2"]), [.run])
        XCTAssertEqual(decisions(["import threading"]), [.run])
        XCTAssertEqual(decisions(["x = 1; y = 2"]), [.run])
        XCTAssertEqual(decisions(["pass  # a comment"]), [.run])
    }

    func testEmptyLineAtPromptIsSkipped() {
        XCTAssertEqual(decisions([""]), [.skip])
        XCTAssertEqual(decisions(["   "]), [.skip])
    }

    func testCompoundStatementNeedsBlankLine() {
        XCTAssertEqual(decisions(["def f():", "    return 1", ""]), [.needMore, .needMore, .run])
        XCTAssertEqual(decisions(["for i in range(3):", "    print(i)", ""]), [.needMore, .needMore, .run])
        XCTAssertEqual(decisions(["class A:", "    x = 1", "    def m(self):", "        return 2", ""]),
                       [.needMore, .needMore, .needMore, .needMore, .run])
        XCTAssertEqual(decisions(["if True:", "    pass", "else:", "    pass", ""]),
                       [.needMore, .needMore, .needMore, .needMore, .run])
        XCTAssertEqual(decisions(["try:", "    1/0", "except ZeroDivisionError:", "    pass", ""]),
                       [.needMore, .needMore, .needMore, .needMore, .run])
        XCTAssertEqual(decisions(["while False: pass", ""]), [.needMore, .run])
    }

    func testLineOfSpacesEndsABlock() {
        XCTAssertEqual(decisions(["if True:", "    x = 1", "    "]), [.needMore, .needMore, .run])
    }

    func testOpenBracketsStringsAndBackslashes() {
        XCTAssertEqual(decisions(["x = (1,", "2)"]), [.needMore, .run])
        XCTAssertEqual(decisions(["d = {", "'a': 1,", "}"]), [.needMore, .needMore, .run])
        XCTAssertEqual(decisions(["s = '''one", "two'''"]), [.needMore, .run])
        XCTAssertEqual(decisions(["x = 1 + \\", "2"]), [.needMore, .run])
        XCTAssertEqual(decisions(["@decorator", "def f(): pass", ""]), [.needMore, .needMore, .run])
    }

    func testInvalidInput() {
        XCTAssertEqual(decisions(["x = = 1"]), [.invalid])
        XCTAssertEqual(decisions([")"]), [.invalid])
        XCTAssertEqual(decisions(["  x = 1"]), [.invalid])      // unexpected indent
        XCTAssertEqual(decisions(["def f():", "return 1"]), [.needMore, .invalid])   // expected an indented block
        XCTAssertEqual(decisions(["for x in :"]), [.invalid])
    }

    func testInvalidInputEmptiesTheBuffer() {
        var b = InputBuffer()
        XCTAssertEqual(kind(b.feed("x = = 1")), .invalid)
        XCTAssertTrue(b.isEmpty)
        XCTAssertEqual(b.prompt, ">>> ")
        XCTAssertEqual(kind(b.feed("x = 2")), .run)
    }

    func testMetaCommandsOnlyAtThePrompt() {
        var b = InputBuffer()
        XCTAssertEqual(b.feed(":help"), .meta(":help"))
        XCTAssertEqual(b.feed("  :open 04"), .meta(":open 04"))
        XCTAssertEqual(kind(b.feed("d = {")), .needMore)
        XCTAssertEqual(b.prompt, "... ")
        // Inside a dict display `:1` is Python, not a command.
        XCTAssertEqual(kind(b.feed("'a'")), .needMore)
        XCTAssertEqual(kind(b.feed(":1}")), .run)
    }

    func testRunSourceEndsWithNewline() {
        var b = InputBuffer()
        XCTAssertEqual(b.feed("x = 1"), .run("x = 1\n"))
        _ = b.feed("def f():")
        _ = b.feed("    return 1")
        XCTAssertEqual(b.feed(""), .run("def f():\n    return 1\n\n"))
    }

    func testUnfinishedBlockRunsAtEOF() {
        var b = InputBuffer()
        XCTAssertEqual(kind(b.feed("for i in range(2):")), .needMore)
        XCTAssertEqual(kind(b.feed("    print(i)")), .needMore)
        XCTAssertEqual(b.flushAtEOF(), "for i in range(2):\n    print(i)\n")
        XCTAssertNil(b.flushAtEOF())
    }
}
