import XCTest
@testable import Syntax

/// A recorded CPython SyntaxError: (source, exception type, msg, lineno,
/// offset, end_lineno, end_offset).
struct ErrorCase {
    let source: String
    let kind: String
    let message: String
    let line: Int
    let offset: Int
    let endLine: Int?
    let endOffset: Int?

    init(_ source: String, _ kind: String, _ message: String, _ line: Int, _ offset: Int, _ endLine: Int?, _ endOffset: Int?) {
        self.source = source
        self.kind = kind
        self.message = message
        self.line = line
        self.offset = offset
        self.endLine = endLine
        self.endOffset = endOffset
    }
}

/// Parses `source` as a module and returns its dump, failing the test on error.
func moduleDump(_ source: String, locations: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> String? {
    do {
        return try Parser.parseModule(source, filename: "t.py").dump(includeLocations: locations)
    } catch {
        XCTFail("unexpected SyntaxError for \(source.debugDescription):\n\(error.formatted())", file: file, line: line)
        return nil
    }
}

/// Parses `source` expecting a SyntaxError.
func syntaxError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> SyntaxError? {
    do {
        let m = try Parser.parseModule(source, filename: "t.py")
        XCTFail("expected a SyntaxError for \(source.debugDescription), got \(m.dump())", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Compact token rendering matching `RecordedTokens`.
func renderTokens(_ tokens: [Token]) -> String {
    tokens.map { t -> String in
        switch t.kind {
        case .name: return "NAME(\(t.text))@\(t.line):\(t.column)"
        case .number: return "NUMBER(\(t.text))@\(t.line):\(t.column)"
        case .string: return "STRING(\(t.text))@\(t.line):\(t.column)"
        case .op: return "OP(\(t.text))@\(t.line):\(t.column)"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endmarker: return "ENDMARKER"
        case .errorToken: return "ERRORTOKEN"
        }
    }.joined(separator: " ")
}
