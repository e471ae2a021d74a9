import XCTest
@testable import Syntax
import Foundation

final class DevHarness: XCTestCase {
    func testDevHarness() throws {
        guard let input = try? String(contentsOfFile: "/tmp/syn/dev_in.txt", encoding: .utf8) else { return }
        var out = ""
        for c in input.components(separatedBy: "\n====\n") {
            do {
                let m = try Parser.parseModule(c, filename: "t.py")
                out += "OK " + m.dump() + "\n"
            } catch {
                let e = error
                out += "ERR \(e.kind.rawValue) \(pythonStringRepr(e.message)) \(e.line) \(e.column) \(e.endLine.map(String.init) ?? "None") \(e.endColumn.map(String.init) ?? "None")\n"
            }
        }
        try out.write(toFile: "/tmp/syn/dev_out.txt", atomically: true, encoding: .utf8)
    }
}
