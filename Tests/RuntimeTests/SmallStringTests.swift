import XCTest
@testable import Runtime

/// `SmallString` builds strings of up to 15 bytes by writing Swift's small-string representation
/// directly. These tests pin that the fast path is on with this toolchain (so the benchmarks measure
/// it) and that what it builds is indistinguishable from strings made the ordinary way.
final class SmallStringTests: XCTestCase {
    override func setUp() { RuntimeSetup.installOnce() }

    func testEnabledOnThisToolchain() {
        XCTAssertTrue(SmallString.enabled, "the small-string layout check failed: strings take the slow path")
    }

    func testBuiltStringsEqualOrdinaryOnes() {
        let samples = ["", "a", "hello", "fifteen bytes!!", "é", "中文", "a\u{0}b", "x😀", "ééééééé"]
        for s in samples where s.utf8.count <= SmallString.capacity {
            let bytes = Array(s.utf8)
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            let built = StrASCII.makeString(bytes.count, ascii: ascii) { q in
                for (i, b) in bytes.enumerated() { q[i] = b }
            }
            XCTAssertEqual(built, s)
            XCTAssertEqual(Array(built.utf8), bytes)
            XCTAssertEqual(built.unicodeScalars.count, s.unicodeScalars.count)
            XCTAssertEqual(PyStr(built).hashValue, PyStr(s).hashValue)
            XCTAssertTrue(PyStr.equal(PyStr(built), PyStr(s)))
        }
    }

    func testDecimal() {
        for n in [0, 1, -1, 9, 10, -10, 1234567, Int.max, Int.min, -999_999_999_999_999, 100_000_000_000_000] {
            XCTAssertEqual(StrASCII.decimal(n), String(n))
        }
    }

    func testLongStringsStillWork() {
        let long = StrASCII.makeString(40, ascii: true) { q in for i in 0..<40 { q[i] = UInt8(97 + i % 26) } }
        XCTAssertEqual(long, "abcdefghijklmnopqrstuvwxyzabcdefghijklmn")
    }
}
