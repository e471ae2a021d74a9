import XCTest
@testable import Syntax

final class InteractiveTests: XCTestCase {
    func testRecordedCodeopResults() {
        XCTAssertGreaterThan(RecordedInteractive.cases.count, 60)
        for (src, status, message, line) in RecordedInteractive.cases {
            let what = "source: \(src.debugDescription)"
            switch (Parser.interactiveStatus(src), status) {
            case (.complete, .complete), (.incomplete, .incomplete):
                break
            case (.invalid(let e), .invalid):
                XCTAssertEqual(e.message, message, what)
                XCTAssertEqual(e.line, line, what)
            case (let got, _):
                XCTFail("\(what): expected \(status), got \(got)")
            }
        }
    }

    func testTypicalReplSession() {
        // Lines as a REPL would accumulate them.
        XCTAssertEqual(Parser.interactiveStatus("def f(x):"), .incomplete)
        XCTAssertEqual(Parser.interactiveStatus("def f(x):\n    return x * 2"), .incomplete)
        XCTAssertEqual(Parser.interactiveStatus("def f(x):\n    return x * 2\n"), .complete)
        XCTAssertEqual(Parser.interactiveStatus("print(f(2))"), .complete)
        XCTAssertEqual(Parser.interactiveStatus("x = [1,\n  2,"), .incomplete)
        XCTAssertEqual(Parser.interactiveStatus("s = \"\"\"doc"), .incomplete)
        if case .invalid(let e) = Parser.interactiveStatus("x = )") {
            XCTAssertEqual(e.message, "unmatched ')'")
            XCTAssertEqual(e.filename, "<stdin>")
        } else {
            XCTFail("expected invalid")
        }
    }
}
