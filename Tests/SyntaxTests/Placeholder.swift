import XCTest
final class SyntaxTestsPlaceholder: XCTestCase { func testBuilds() {} }
