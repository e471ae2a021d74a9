import XCTest
@testable import Syntax

final class LexerTests: XCTestCase {
    /// Token kinds, texts and start positions match Python's tokenize module.
    func testRecordedTokenStreams() throws {
        for (src, expected) in RecordedTokens.cases {
            XCTAssertEqual(renderTokens(try Parser.tokenize(src)), expected, "source: \(src.debugDescription)")
        }
    }

    func testIndentDedentWithTabsAndBlankLines() throws {
        let src = "if a:\n\tb\n\n\t# comment\n\tif c:\n\t\td\ne\n"
        let kinds = try Parser.tokenize(src).map(\.kind)
        XCTAssertEqual(kinds, [.name, .name, .op, .newline, .indent, .name, .newline, .name, .name, .op, .newline,
                               .indent, .name, .newline, .dedent, .dedent, .name, .newline, .endmarker])
    }

    func testTabsCountToNextMultipleOfEight() throws {
        // A tab indents to column 8: "        x" (8 spaces) is the same level
        // as "\tx" only if consistent; mixing is a TabError.
        XCTAssertNoThrow(try Parser.tokenize("if a:\n\tx\n\ty\n"))
        XCTAssertThrowsError(try Parser.tokenize("if a:\n\tx\n        y\n")) { error in
            XCTAssertEqual((error as? SyntaxError)?.kind, .tabError)
        }
    }

    func testDedentsAtEndOfFile() throws {
        let kinds = try Parser.tokenize("if a:\n  if b:\n    c").map(\.kind)
        XCTAssertEqual(Array(kinds.suffix(4)), [.newline, .dedent, .dedent, .endmarker])
    }

    func testImplicitAndExplicitLineJoining() throws {
        let toks = try Parser.tokenize("x = (1 +\n  2) + \\\n 3\n")
        XCTAssertEqual(toks.filter { $0.kind == .newline }.count, 1)
        XCTAssertFalse(toks.contains { $0.kind == .indent })
        let three = try XCTUnwrap(toks.first { $0.text == "3" })
        XCTAssertEqual(three.line, 3)
        XCTAssertEqual(three.column, 1)
    }

    func testCRLFLineEndings() throws {
        XCTAssertEqual(try Parser.tokenize("a = 1\r\nb = 2\r\n").map(\.kind),
                       try Parser.tokenize("a = 1\nb = 2\n").map(\.kind))
    }

    func testStringTokenKeepsPrefixAndQuotes() throws {
        let toks = try Parser.tokenize("x = Rb'''a\nb''' f\"{y}\"")
        XCTAssertEqual(toks[2].kind, .string)
        XCTAssertEqual(toks[2].text, "Rb'''a\nb'''")
        XCTAssertEqual(toks[2].endLine, 2)
        XCTAssertEqual(toks[3].text, "f\"{y}\"")
    }

    func testNumberTokenForms() throws {
        let src = "0 00 0_0 7 1_000 0x1F 0XdE_aD 0o17 0O7 0b1 0B1_0 1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1 123456789012345678901234567890"
        let toks = try Parser.tokenize(src).filter { $0.kind == .number }.map(\.text)
        XCTAssertEqual(toks, src.split(separator: " ").map(String.init))
    }

    func testUnicodeIdentifiersAreNFKCNormalized() throws {
        let toks = try Parser.tokenize("ｗｉｄｔｈ = µ")
        XCTAssertEqual(toks[0].text, "width")
        XCTAssertEqual(toks[2].text, "μ") // U+00B5 MICRO SIGN -> U+03BC GREEK SMALL LETTER MU
        XCTAssertEqual(toks[2].column, 8)
    }

    func testTokenizeErrors() {
        XCTAssertThrowsError(try Parser.tokenize("x = 'abc")) { error in
            XCTAssertEqual((error as? SyntaxError)?.message, "unterminated string literal (detected at line 1)")
        }
        XCTAssertThrowsError(try Parser.tokenize("x = (")) { error in
            XCTAssertEqual((error as? SyntaxError)?.message, "'(' was never closed")
        }
    }
}
