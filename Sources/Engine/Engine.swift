import Foundation
import Runtime

/// Why a script's bytes are not a program: the message CPython prints.
public struct SourceDecodingError: Error {
    public let message: String
}

/// The Python modules implemented in Swift, wired into an interpreter, and the `python3 FILE`-like
/// runner the CLI, the REPL and the lessons share.
public enum Engine {
    /// A ready interpreter: builtins, sys, and every native module importable.
    public static func makeInterpreter(options: Interpreter.Options = .init(),
                                       stdout: OutputSink = FileDescriptorSink(fd: 1),
                                       stderr: OutputSink = FileDescriptorSink(fd: 2)) -> Interpreter {
        let interp = Interpreter(options: options, stdout: stdout, stderr: stderr)
        StandardModules.install(into: interp)
        ThreadingModule.install(into: interp)
        return interp
    }

    /// Decodes script bytes as UTF-8, or returns the SyntaxError CPython would print.
    public static func decodeSource(_ data: Data, filename: String) -> Result<String, SourceDecodingError> {
        if let s = String(data: data, encoding: .utf8) { return .success(s) }
        var offset = 0
        let bytes = [UInt8](data)
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var bad: UInt8 = bytes.first ?? 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += String(s).utf8.count
            case .emptyInput: break loop
            case .error: bad = bytes[offset]; break loop
            }
        }
        return .failure(SourceDecodingError(message: "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x\(String(format: "%02x", bad)) in position \(offset): invalid start byte\n"))
    }
}
