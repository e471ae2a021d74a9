import XCTest
@testable import Compiler
import Syntax

/// Compiles every Python file of the repository's conformance corpus and benchmarks (when present) and
/// checks each code object's stack. Parse errors of the (separately developed) parser are skipped.
final class CorpusTests: XCTestCase {
    func testCorpusCompilesWithConsistentStacks() throws {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["Tests/Conformance/cases", "bench/workloads"] {
            let url = root.appendingPathComponent(dir)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".py") }.sorted().map { url.appendingPathComponent($0) }
        }
        if files.isEmpty { throw XCTSkip("no corpus files found") }
        var compiled = 0
        var compileErrors: [String] = []
        for f in files {
            guard let source = try? String(contentsOf: f, encoding: .utf8) else { continue }
            let module: Module
            do {
                module = try Parser.parseModule(source, filename: f.lastPathComponent)
            } catch {
                continue  // the parser's business
            }
            do {
                let code = try Compiler.compile(module, filename: f.lastPathComponent, mode: .exec, source: source)
                XCTAssertEqual(verifyStack(code), [], f.lastPathComponent)
                compiled += 1
            } catch let e as SyntaxError {
                compileErrors.append("\(f.lastPathComponent): \(e.message) line \(e.line)")
            }
        }
        // Some cases deliberately contain compile-time errors (exercised via compile()/exec at run time
        // they are not; a top-level SyntaxError would fail the whole script), so none are expected.
        XCTAssertEqual(compileErrors, [])
        print("compiled \(compiled) of \(files.count) corpus files")
    }
}
