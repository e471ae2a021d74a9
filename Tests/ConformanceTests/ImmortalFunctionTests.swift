import XCTest
@testable import Runtime
import Engine

/// The first function a module or class body makes from each code object is immortal (no atomic
/// reference counting when it is called), and so is a class whose body function is; every other
/// function or class stays an ordinary object that is freed.
final class ImmortalFunctionTests: XCTestCase {
    func testOnlyTheFirstModuleOrClassLevelFunctionOrClassPerCodeObjectIsImmortal() throws {
        let out = CapturingSink()
        let interp = Engine.makeInterpreter(stdout: out, stderr: CapturingSink())
        let src = """
            def top(x):
                return x + 1
            class C:
                def method(self):
                    return 2
            again = []
            for i in range(3):
                def redefined():
                    return i
                again.append(redefined)
            def make(n):
                def inner():
                    return n
                return inner
            inner = make(1)
            lam = lambda: 3
            def make_class():
                class Local:
                    pass
                return Local
            local_class = make_class()
            print(top(1), C().method(), [g() for g in again], inner(), lam())
            """
        XCTAssertEqual(Runner(interp: interp).runMain(source: src, filename: "imm.py"), 0)
        XCTAssertEqual(out.text, "2 2 [2, 2, 2] 1 3\n")
        let g = interp.mainModule().dict
        func object(_ name: String) throws -> PyObject { try XCTUnwrap(g.getStr(name)?.asObject) }
        XCTAssertTrue(Immortal.isImmortal(try object("top")))
        XCTAssertTrue(Immortal.isImmortal(try object("make")))
        XCTAssertTrue(Immortal.isImmortal(try object("lam")))
        let method = try XCTUnwrap((try object("C") as? PyType)?.dict.getStr("method")?.asObject)
        XCTAssertTrue(Immortal.isImmortal(method))
        let again = try XCTUnwrap(try object("again") as? PyList).items.map { $0.asObject! }
        XCTAssertEqual(again.map { Immortal.isImmortal($0) }, [true, false, false],
                       "a def re-run in a loop makes one immortal function, then ordinary ones")
        XCTAssertFalse(Immortal.isImmortal(try object("inner")), "functions made inside functions stay ordinary")
        XCTAssertTrue(Immortal.isImmortal(try object("C")), "a class made by a module body is immortal")
        XCTAssertFalse(Immortal.isImmortal(try object("local_class")), "a class made inside a function is not")
    }
}
