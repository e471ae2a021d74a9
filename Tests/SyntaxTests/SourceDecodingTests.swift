import XCTest
@testable import Syntax

final class SourceDecodingTests: XCTestCase {
    func testValidUTF8AndBOM() throws {
        XCTAssertEqual(try Parser.decodeSource(Array("x = 'é'\n".utf8), filename: "t.py"), "x = 'é'\n")
        XCTAssertEqual(try Parser.decodeSource([0xEF, 0xBB, 0xBF] + Array("x = 1".utf8), filename: "t.py"), "x = 1")
    }

    func testInvalidStartByte() {
        let bytes = Array("x = 1\ny = \"".utf8) + [0xFF] + Array("\"\n".utf8)
        XCTAssertThrowsError(try Parser.decodeSource(bytes, filename: "t.py")) { error in
            let e = error as! SyntaxError
            XCTAssertEqual(e.kind, .syntaxError)
            XCTAssertEqual(e.message, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte")
            XCTAssertEqual(e.line, 2)
            XCTAssertEqual(e.column, 6)
            XCTAssertEqual(e.filename, "t.py")
        }
    }

    func testInvalidContinuationAndTruncation() {
        XCTAssertThrowsError(try Parser.decodeSource(Array("x = '".utf8) + [0xC3, 0x28], filename: "t.py")) { error in
            XCTAssertEqual((error as! SyntaxError).message,
                           "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 5: invalid continuation byte")
        }
        XCTAssertThrowsError(try Parser.decodeSource([0xE2, 0x82], filename: "t.py")) { error in
            XCTAssertEqual((error as! SyntaxError).message,
                           "(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data")
        }
        // Encoded surrogates and overlong forms are invalid UTF-8 too.
        XCTAssertThrowsError(try Parser.decodeSource([0xED, 0xA0, 0x80], filename: "t.py"))
        XCTAssertThrowsError(try Parser.decodeSource([0xC0, 0x80], filename: "t.py"))
    }
}
