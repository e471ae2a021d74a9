import XCTest
@testable import Compiler
import Syntax

/// Compiles `source` (exec mode unless told otherwise), failing the test on errors.
func compileOK(_ source: String, mode: CompileMode = .exec, file: StaticString = #filePath, line: UInt = #line) -> CodeObject? {
    do {
        return try Compiler.compile(source: source, filename: "<test>", mode: mode)
    } catch {
        XCTFail("compile failed: \(error)", file: file, line: line)
        return nil
    }
}

/// The SyntaxError raised by compiling `source`, failing the test if there is none.
func compileError(_ source: String, mode: CompileMode = .exec, file: StaticString = #filePath, line: UInt = #line) -> SyntaxError? {
    do {
        _ = try Compiler.compile(source: source, filename: "<test>", mode: mode)
        XCTFail("expected a SyntaxError", file: file, line: line)
    } catch let e as SyntaxError {
        return e
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}

/// The code object of the first nested code constant named `name` (depth-first).
func findCode(_ code: CodeObject, _ name: String) -> CodeObject? {
    for c in code.consts {
        if case let .code(inner) = c {
            if inner.name == name || inner.qualname == name { return inner }
            if let found = findCode(inner, name) { return found }
        }
    }
    return nil
}

/// Symbol table of a parsed module (for scope-classification tests).
func symbols(_ source: String) throws -> Scope {
    let module = try Parser.parseModule(source, filename: "<test>")
    return try SymbolTableBuilder.build(module, filename: "<test>", source: source)
}

/// Finds a scope by name, depth-first.
func findScope(_ scope: Scope, _ name: String) -> Scope? {
    for c in scope.children {
        if c.name == name { return c }
        if let s = findScope(c, name) { return s }
    }
    return nil
}
