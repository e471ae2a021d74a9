import XCTest
@testable import Syntax

/// Checks literal values directly on the AST (in addition to recorded dumps).
final class LiteralValueTests: XCTestCase {
    func value(_ src: String) throws -> ExprKind {
        let m = try Parser.parseModule("x = " + src, filename: "t.py")
        guard case .assign(_, let v) = m.body[0].kind else { XCTFail("not an assignment"); throw SyntaxError(message: "", filename: "", line: 0, column: 0, text: nil) }
        return v.kind
    }

    func testIntegersAreBase10Digits() throws {
        XCTAssertEqual(try value("0xFF"), .constant(.int("255")))
        XCTAssertEqual(try value("0o777"), .constant(.int("511")))
        XCTAssertEqual(try value("0b1010_1010"), .constant(.int("170")))
        XCTAssertEqual(try value("1_000_000"), .constant(.int("1000000")))
        XCTAssertEqual(try value("000"), .constant(.int("0")))
        XCTAssertEqual(try value("0x1" + String(repeating: "0", count: 32)), .constant(.int("340282366920938463463374607431768211456")))
        XCTAssertEqual(try value("99999999999999999999999999"), .constant(.int("99999999999999999999999999")))
    }

    func testFloats() throws {
        XCTAssertEqual(try value("1."), .constant(.float(1.0)))
        XCTAssertEqual(try value(".5"), .constant(.float(0.5)))
        XCTAssertEqual(try value("1_0.2_5e-1_0"), .constant(.float(10.25e-10)))
        XCTAssertEqual(try value("1e400"), .constant(.float(.infinity)))
        XCTAssertEqual(try value("0e0"), .constant(.float(0)))
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try value(#"'\a\b\f\n\r\t\v\0\\\'\"'"#), .constant(.str("\u{07}\u{08}\u{0C}\n\r\t\u{0B}\0\\'\"")))
        XCTAssertEqual(try value(#"'\101\1011\x41\u00e9\U0001F600'"#), .constant(.str("AA1Aé😀")))
        XCTAssertEqual(try value(#"'\N{BULLET}\N{greek small letter alpha}'"#), .constant(.str("•α")))
        XCTAssertEqual(try value(#"'\d\%'"#), .constant(.str("\\d\\%")))
        XCTAssertEqual(try value("'a\\\nb'"), .constant(.str("ab")))
        XCTAssertEqual(try value(#"r'\n\''"#), .constant(.str("\\n\\'")))
        XCTAssertEqual(try value("'''a\n'b'\n\"c\"'''"), .constant(.str("a\n'b'\n\"c\"")))
    }

    func testBytes() throws {
        XCTAssertEqual(try value(#"b'\x00\xff\n\777A'"#), .constant(.bytes([0, 255, 10, 255, 65])))
        XCTAssertEqual(try value(#"b'\u1234'"#), .constant(.bytes(Array(#"\u1234"#.utf8))))
        XCTAssertEqual(try value(#"rb'\x00'"#), .constant(.bytes(Array(#"\x00"#.utf8))))
        XCTAssertEqual(try value("b'a' B\"b\""), .constant(.bytes([97, 98])))
    }

    func testConcatenationAndFStrings() throws {
        XCTAssertEqual(try value("'a' \"b\" '''c'''"), .constant(.str("abc")))
        guard case .joinedStr(let parts) = try value("'a' f'{b!r:>{w}}' 'c'") else { return XCTFail() }
        XCTAssertEqual(parts.count, 3)
        XCTAssertEqual(parts[0].kind, .constant(.str("a")))
        guard case .formattedValue(let v, let conv, let spec) = parts[1].kind else { return XCTFail() }
        XCTAssertEqual(v.kind, .name(id: "b"))
        XCTAssertEqual(conv, "r")
        guard case .joinedStr(let specParts)? = spec?.kind else { return XCTFail() }
        XCTAssertEqual(specParts.first?.kind, .constant(.str(">")))
        XCTAssertEqual(parts[2].kind, .constant(.str("c")))
    }

    func testSelfDocumentingFString() throws {
        guard case .joinedStr(let parts) = try value("f'{x + 1 = }'") else { return XCTFail() }
        XCTAssertEqual(parts[0].kind, .constant(.str("x + 1 = ")))
        guard case .formattedValue(_, let conv, nil) = parts[1].kind else { return XCTFail() }
        XCTAssertEqual(conv, "r")
    }

    func testFStringExpressionLocationsAreInTheSource() throws {
        let m = try Parser.parseModule("s = 1\nx = f'ab{ y }'\n", filename: "t.py")
        guard case .assign(_, let v) = m.body[1].kind, case .joinedStr(let parts) = v.kind,
              case .formattedValue(let y, _, _) = parts[1].kind else { return XCTFail() }
        XCTAssertEqual(y.loc, SourceLocation(line: 2, column: 10, endLine: 2, endColumn: 11))
    }

    func testPythonRepr() {
        XCTAssertEqual(pythonStringRepr("it's"), "\"it's\"")
        XCTAssertEqual(pythonStringRepr("a'b\""), "'a\\'b\"'")
        XCTAssertEqual(pythonStringRepr("\u{0}\u{7f}\u{a0}é\u{2028}"), "'\\x00\\x7f\\xa0é\\u2028'")
        XCTAssertEqual(pythonBytesRepr([0, 39, 65, 255]), "b\"\\x00'A\\xff\"")
    }
}
