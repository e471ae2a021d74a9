import XCTest
@testable import Shell

/// The history file and the editor's word splitting and listing helpers.
final class HistoryTests: XCTestCase {
    var dir: String!

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("interleave-hist-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testDefaultLocation() {
        XCTAssertEqual(HistoryFile.defaultURL(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path,
                       "/s/interleave/history")
        XCTAssertEqual(HistoryFile.defaultURL(environment: ["HOME": "/h"])?.path, "/h/.local/state/interleave/history")
        // A relative XDG_STATE_HOME is ignored, as the XDG spec says.
        XCTAssertEqual(HistoryFile.defaultURL(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])?.path,
                       "/h/.local/state/interleave/history")
    }

    func testEntriesAreAppendedAtOnceAndRoundTrip() throws {
        let url = URL(fileURLWithPath: dir + "/a/b/history")
        let h = HistoryFile(url: url)
        XCTAssertTrue(h.append("x = 1"))
        XCTAssertTrue(h.append("s = 'a\\\\b'"))
        XCTAssertTrue(h.append("two\nlines"))
        XCTAssertFalse(h.append("two\nlines"), "a repeat of the previous entry is skipped")
        XCTAssertFalse(h.append("   "), "blank entries are skipped")
        // Written already, without any close or flush call.
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, "x = 1\ns = 'a\\\\\\\\b'\ntwo\\nlines\n")
        XCTAssertEqual(HistoryFile(url: url).load(), ["x = 1", "s = 'a\\\\b'", "two\nlines"])
    }

    func testLoadKeepsTheNewestEntries() throws {
        let url = URL(fileURLWithPath: dir + "/history")
        let h = HistoryFile(url: url, limit: 3)
        for i in 1...5 { h.append("e\(i)") }
        XCTAssertEqual(HistoryFile(url: url, limit: 3).load(), ["e3", "e4", "e5"])
        // The file was trimmed too.
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "e3\ne4\ne5\n")
    }

    func testWordSplitting() {
        XCTAssertEqual(EditLineReader.splitWord("print(acct.dep").before, "print(")
        XCTAssertEqual(EditLineReader.splitWord("print(acct.dep").word, "acct.dep")
        XCTAssertEqual(EditLineReader.splitWord(":he").word, ":he")
        XCTAssertEqual(EditLineReader.splitWord(":open th").before, ":open ")
        XCTAssertEqual(EditLineReader.splitWord("x = ").word, "")
    }

    func testCommonPrefixAndColumns() {
        XCTAssertEqual(EditLineReader.commonPrefix(["print(", "property("]), "pr")
        XCTAssertEqual(EditLineReader.commonPrefix(["线程a", "线程b"]), "线程")
        XCTAssertEqual(EditLineReader.columns(["a", "bb", "c"], width: 80), "a   bb  c\n")
        XCTAssertEqual(EditLineReader.columns(["a", "bb", "c"], width: 8), "a   c\nbb\n")
    }
}
