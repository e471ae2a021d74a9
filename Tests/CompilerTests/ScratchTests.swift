import XCTest
@testable import Compiler
import Syntax

final class ScratchTests: XCTestCase {
    func testScratch() throws {
        let src = ProcessInfo.processInfo.environment["SCRATCH_SRC"] ?? "x = 1"
        let code = try Compiler.compile(source: src, filename: "<s>", mode: .exec)
        print(code.disassemble())
        print(verifyStack(code))
    }
}
