import Foundation
import Synchronization
import XCTest
import Runtime
import Engine

/// A thread doing threading's final bookkeeping (`_thread._finishing()` was called) takes no more demo
/// aborts: the thread stopper repeats its abort every 0.1 s, and one landing in that bookkeeping left the
/// thread in `_active` after `join()` had returned.
final class FinishingAbortTests: XCTestCase {
    func testAbortIsIgnoredOnceAThreadIsFinishing() throws {
        let interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        let vm = try XCTUnwrap(interp.mainVM)
        interp.abort([vm])
        XCTAssertTrue(vm.interruptPending)
        XCTAssertThrowsError(try vm.checkInterrupts())
        interp.abort([vm])                                   // pending when finishing starts
        vm.finishing.store(true, ordering: .releasing)
        XCTAssertFalse(vm.interruptPending)
        XCTAssertNoThrow(try vm.checkInterrupts())
        interp.abort([vm])                                   // asked again afterwards
        XCTAssertFalse(vm.interruptPending)
        XCTAssertNoThrow(try vm.checkInterrupts())
    }

    func testThreadBootstrapMarksItselfFinishing() throws {
        let out = CapturingSink()
        let interp = Engine.makeInterpreter(stdout: out, stderr: CapturingSink())
        let src = """
            import threading
            seen = []
            def work():
                seen.append(threading.current_thread().name)
            t = threading.Thread(target=work, name="worker")
            t.start(); t.join()
            print(seen, threading.active_count(), t.is_alive())
            """
        XCTAssertEqual(Runner(interp: interp).runMain(source: src, filename: "fin.py"), 0)
        XCTAssertEqual(out.text, "['worker'] 1 False\n")
        XCTAssertFalse(try XCTUnwrap(interp.mainVM).finishing.load(ordering: .acquiring), "only the finished thread's VM is marked")
    }
}
