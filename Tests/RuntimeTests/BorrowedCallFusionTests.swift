import XCTest
import Compiler
@testable import Runtime

/// Which calls the runtime's copy of a code object rewrites to lend their arguments (`LOAD_FAST_BORROW`,
/// `LOAD_FAST_BORROW_METHOD`, `CALL_BORROWED`): only calls whose arguments are plain loads, and never
/// when a jump could land between the loads and the call (a path that did not lend would reach it).
final class BorrowedCallFusionTests: XCTestCase {
    /// The runtime copy of the function `name` defined at the top level of `source`.
    private func function(_ source: String, _ name: String) throws -> PyCode {
        RuntimeSetup.installOnce()
        let module = PyCode(try Compiler.compile(source: source, filename: "fusion.py", mode: .exec))
        for c in module.consts {
            if case .object(let o) = c, let code = o as? PyCode, code.name == name { return code }
        }
        struct Missing: Error {}
        XCTFail("no function \(name) in the module's constants")
        throw Missing()
    }

    private func ops(_ code: PyCode) -> [Opcode] { (0..<code.instructions.count).map { code.ins[$0].op } }

    private func fused(_ instructions: [Instruction]) -> [Opcode] {
        let p = UnsafeMutablePointer<Instruction>.allocate(capacity: instructions.count)
        defer { p.deallocate() }
        p.initialize(from: instructions, count: instructions.count)
        PyCode.fuseLocalAttributeAccess(p, count: instructions.count)
        return (0..<instructions.count).map { p[$0].op }
    }

    func testCallsWithPlainLoadArgumentsLendThem() throws {
        let f = try function("""
            def f(x, xs, d):
                n = len(x)
                xs.append(x)
                return d.get(x, 0) + isinstance(x, str)
            """, "f")
        let o = ops(f)
        XCTAssertEqual(o.filter { $0 == .callBorrowed }.count, 4)
        XCTAssertEqual(o.filter { $0 == .loadFastBorrowMethod }.count, 2, "xs.append and d.get lend their receiver")
        XCTAssertFalse(o.contains(.call))
    }

    func testOtherCallsAreLeftAlone() throws {
        let f = try function("""
            def f(a, b, c):
                g(a + 1)
                g(a if c else b)
                g(x=a)
                g(*a)
                g()
                a.m()
            """, "f")
        let o = ops(f)
        XCTAssertFalse(o.contains(.callBorrowed))
        XCTAssertFalse(o.contains(.loadFastBorrow))
        XCTAssertFalse(o.contains(.loadFastBorrowMethod))
    }

    func testNoLendingWhenAJumpLandsAmongTheArguments() {
        let call: [Instruction] = [Instruction(.pushNull), Instruction(.loadGlobal, 0), Instruction(.loadFast, 0),
                                   Instruction(.loadFast, 1), Instruction(.call, 2), Instruction(.popTop)]
        XCTAssertEqual(fused(call + [Instruction(.returnValue)]),
                       [.pushNull, .loadGlobal, .loadFastBorrow, .loadFastBorrow, .callBorrowed, .popTop, .returnValue])
        let o = fused(call + [Instruction(.jump, 3)])   // lands on the second argument
        XCTAssertEqual(o[2], .loadFast)
        XCTAssertEqual(o[3], .loadFast)
        XCTAssertEqual(o[4], .call)
    }
}
