import XCTest
@testable import Runtime

/// `Immortal` writes a runtime-internal refcount pattern into objects; these tests pin down that the
/// pattern is recognised on this toolchain and that immortal objects really ignore retain/release.
final class ImmortalTests: XCTestCase {
    final class Probe { var payload = [1, 2, 3] }

    func testPatternIsRecognisedOnThisRuntime() {
        XCTAssertNotNil(Immortal.pattern, "the empty-array singleton no longer has the expected immortal refcount shape")
    }

    func testImmortalObjectIgnoresRetainAndRelease() {
        let probe = Probe()
        Immortal.make(probe)
        XCTAssertTrue(Immortal.isImmortal(probe))
        // Many strong references made and dropped: an immortal header must come out unchanged.
        var holders: [Probe] = []
        for _ in 0..<10_000 { holders.append(probe) }
        holders.removeAll()
        for _ in 0..<1_000 { _ = Unmanaged.passUnretained(probe).retain() }
        for _ in 0..<2_000 { Unmanaged.passUnretained(probe).release() }   // more releases than retains
        XCTAssertTrue(Immortal.isImmortal(probe))
        XCTAssertEqual(probe.payload, [1, 2, 3])
    }

    func testInternedNamesAndBuiltinTypesAreImmortal() {
        XCTAssertTrue(Immortal.isImmortal(PyStr.intern("an_interned_name_for_the_test")))
        XCTAssertTrue(Immortal.isImmortal(PyType.function))
        XCTAssertTrue(Immortal.isImmortal(PyType.type))
        XCTAssertFalse(Immortal.isImmortal(PyStr("not interned")))
    }
}

/// `Value.peekObject` reads `Value`'s bytes (payload, then a one-byte case tag); the layout is not a
/// language guarantee, so this pins it down on the toolchain in use.
final class ValuePeekTests: XCTestCase {
    func testRawLayoutIsAsExpected() {
        XCTAssertTrue(Value.rawLayoutIsAsExpected())
    }

    func testPeekFindsObjectsAndOnlyObjects() {
        let o = PyStr("peeked")
        let p = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        defer { p.deallocate() }
        p.initialize(to: .object(o))
        XCTAssertEqual(Value.peekObject(p)?.toOpaque(), Unmanaged.passUnretained(o as PyObject).toOpaque())
        p.deinitialize(count: 1)
        for v: Value in [.null, .none, .bool(true), .int(3), .float(2.5)] {
            p.initialize(to: v)
            XCTAssertNil(Value.peekObject(p))
            p.deinitialize(count: 1)
        }
    }
}
