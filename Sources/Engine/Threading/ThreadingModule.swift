import Foundation
import Runtime

/// `threading`: written in Python (threading.py beside this file, embedded in the binary as
/// `ThreadingSource.text` by generate.sh) over the native `_thread` module, as CPython does.
public enum ThreadingModule {
    public static func install(into interp: Interpreter) {
        PyLock.install()
        PyRLock.install()
        interp.moduleFactories["_thread"] = ThreadModule.make
        interp.moduleFactories["threading"] = { interp in
            let m = PyModule(name: "threading")
            m.dict.setStr("__builtins__", .object(interp.builtins))
            let code = try interp.compile(ThreadingSource.text, filename: "<frozen threading>", mode: .exec)
            interp.modules.setStr("threading", .object(m))
            do {
                _ = try (VM.current ?? interp.mainVM).runModuleCode(code, globals: m.dict)
            } catch {
                interp.modules.deleteStr(PyStr("threading"))
                throw error
            }
            return m
        }
    }
}
