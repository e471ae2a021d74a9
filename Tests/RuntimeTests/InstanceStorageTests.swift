import XCTest
@testable import Runtime

/// `PyInstance` keeps attributes in inline slots numbered by the class's `InstanceKeys` and makes a
/// `PyDict` only when asked. These tests pin down the storage rules directly and hammer them from
/// several threads at once (the way `-X gil=0` runs Python), so the ThreadSanitizer run of this target
/// checks the locking: writers, locked readers (as the deadlock report reads), and threads making the dict.
final class InstanceStorageTests: XCTestCase {
    private func makeClass(_ name: String) throws -> PyType {
        try PyType(name: name, qualname: name, module: "test", bases: [], dict: PyDict())
    }

    private func names(_ items: [(Value, Value)]) -> [String] {
        items.map { ($0.0.asObject as! PyStr).value }
    }

    func testInsertionOrderDeletionAndMaterializedDict() throws {
        let cls = try makeClass("Ordered")
        let a = PyInstance(type: cls)
        a.setAttribute(PyStr.intern("y"), .int(1))
        a.setAttribute(PyStr.intern("x"), .int(2))
        let b = PyInstance(type: cls)
        b.setAttribute(PyStr.intern("x"), .int(3))
        b.setAttribute(PyStr.intern("y"), .int(4))
        XCTAssertEqual(names(a.attributeItems), ["y", "x"])
        XCTAssertEqual(names(b.attributeItems), ["x", "y"])
        XCTAssertNotNil(a.deleteAttribute(PyStr.intern("y")))
        XCTAssertNil(a.deleteAttribute(PyStr.intern("y")))
        a.setAttribute(PyStr("y"), .int(5))                 // not interned: found by contents
        XCTAssertEqual(names(a.attributeItems), ["x", "y"])
        guard case .int(5)? = a.attribute(PyStr.intern("y")) else { return XCTFail("y") }

        let d = a.dict
        XCTAssertTrue(d === a.dict)
        XCTAssertEqual(names(d.items), ["x", "y"])
        d.setStr(PyStr.intern("z"), .int(6))
        guard case .int(6)? = a.attribute(PyStr.intern("z")) else { return XCTFail("z through the dict") }
        a.setAttribute(PyStr.intern("w"), .int(7))
        guard case .int(7)? = d.getStr(PyStr.intern("w")) else { return XCTFail("w in the dict") }
    }

    func testMoreNamesThanSlotsMakeTheDict() throws {
        let cls = try makeClass("Wide")
        let o = PyInstance(type: cls)
        let n = InstanceKeys.capacity + 4
        for i in 0..<n { o.setAttribute(PyStr.intern("f\(i)"), .int(i)) }
        XCTAssertEqual(names(o.attributeItems), (0..<n).map { "f\($0)" })
        for i in 0..<n {
            guard case .int(i)? = o.attribute(PyStr.intern("f\(i)")) else { return XCTFail("f\(i)") }
        }
    }

    /// Threads store their own names (together more than the inline slots, so one of them makes the
    /// dict while the others store), read them back, and a reader snapshots the items throughout.
    func testConcurrentStoresReadsAndMaterialization() throws {
        for round in 0..<20 {
            let cls = try makeClass("Shared\(round)")
            let shared = PyInstance(type: cls)
            let threads = 4, perThread = 3
            let done = DispatchGroup()
            for t in 0..<threads {
                DispatchQueue.global().async(group: done) {
                    for i in 0..<perThread {
                        let name = PyStr.intern("t\(t)_\(i)")
                        for k in 0..<200 {
                            shared.setAttribute(name, .object(PyStr("v\(k)")))
                            XCTAssertNotNil(shared.attribute(name))
                        }
                    }
                    // Each thread also makes and fills instances of the shared class.
                    for k in 0..<300 {
                        let o = PyInstance(type: cls)
                        o.setAttribute(PyStr.intern("x"), .int(k))
                        o.setAttribute(PyStr.intern("y"), .object(PyStr("s")))
                        XCTAssertTrue(o.hasAttribute(PyStr.intern("y")))
                    }
                }
            }
            DispatchQueue.global().async(group: done) {
                for _ in 0..<300 { _ = shared.attributeItems }
            }
            done.wait()
            XCTAssertEqual(Set(names(shared.attributeItems)),
                           Set((0..<threads).flatMap { t in (0..<perThread).map { "t\(t)_\($0)" } }))
        }
    }
}
