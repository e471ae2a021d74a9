import XCTest
import Runtime
import Engine
@testable import Shell

/// Tab-completion candidates: names, attributes (without running code), meta-commands, lesson names.
final class CompletionTests: XCTestCase {
    var interp: Interpreter!
    var module: PyModule!

    override func setUp() {
        interp = Engine.makeInterpreter(stdout: CapturingSink(), stderr: CapturingSink())
        module = interp.mainModule()
        run("""
            import threading
            counter = 0
            count_words = 1
            class Account:
                interest = 0.5
                def deposit(self, n): pass
                def _hidden(self): pass
                @property
                def balance(self):
                    global touched
                    touched = True
                    return Account()
            class Tricky:
                def __getattr__(self, name):
                    global touched
                    touched = True
                    return 1
            acct = Account()
            acct.owner = 'ann'
            tricky = Tricky()
            touched = False
            """)
    }

    func run(_ src: String) {
        do {
            let code = try interp.compile(src, filename: "<test>", mode: .exec)
            _ = try interp.exec(code, in: module)
        } catch let e as PyError {
            XCTFail(interp.mainVM.formatException(e.exception))
        } catch {
            XCTFail("\(error)")
        }
    }

    var completer: Completer {
        Completer(globals: module.dict, builtins: interp.builtins.dict,
                  metaCommands: [":help", ":lessons", ":open", ":next", ":prev", ":show", ":run", ":reset", ":quit"],
                  lessonNames: ["concepts", "00-concepts", "threads", "04-threads"])
    }

    func c(_ word: String, before: String = "") -> [String] { completer.complete(before: before, word: word) }

    func testNamesFromNamespaceBuiltinsAndKeywords() {
        XCTAssertEqual(c("coun"), ["count_words", "counter"])
        XCTAssertEqual(c("pri"), ["print("])
        XCTAssertTrue(c("Acc").contains("Account("))
        XCTAssertEqual(c("whi"), ["while "])
        XCTAssertTrue(c("tr").contains("try:"))
        XCTAssertTrue(c("tr").contains("tricky"))
        XCTAssertTrue(c("Tr").contains("True"))
        XCTAssertTrue(c("thr").contains("threading"))
        XCTAssertEqual(c("no_such_name_zz"), [])
    }

    func testNamesInsideExpressions() {
        // libedit hands over the word after the last break character; a head such as `1:` is kept.
        XCTAssertEqual(c("coun", before: "print("), ["count_words", "counter"])
        XCTAssertEqual(c("1:coun", before: "x[") , ["1:count_words", "1:counter"])
    }

    func testAttributesOfInstancesClassesAndModules() {
        XCTAssertEqual(c("acct.dep"), ["acct.deposit("])
        XCTAssertEqual(c("acct.ow"), ["acct.owner"])
        let all = c("acct.")
        XCTAssertTrue(all.contains("acct.interest"))
        XCTAssertTrue(all.contains("acct.balance"))
        XCTAssertFalse(all.contains("acct._hidden("), "private names need a leading underscore typed")
        XCTAssertTrue(c("acct._").contains("acct._hidden("))
        XCTAssertTrue(c("acct.__").contains("acct.__class__"))
        XCTAssertEqual(c("Account.inter"), ["Account.interest"])
        XCTAssertTrue(c("threading.Th").contains("threading.Thread("))
        XCTAssertTrue(c("counter.bit_").contains("counter.bit_length("))
        XCTAssertTrue(c("'abc'.upp").isEmpty, "only plain dotted names are evaluated")
    }

    func testAttributeCompletionRunsNoCode() {
        _ = c("acct.balance.")      // a property: not evaluated
        _ = c("tricky.anything.")   // __getattr__: not called
        _ = c("tricky.")
        XCTAssertEqual(module.dict.getStr("touched").map { if case .bool(let b) = $0 { return b } else { return true } }, false)
        XCTAssertEqual(c("acct.balance.de"), [])
    }

    func testNotDottedNamesAreNotEvaluated() {
        XCTAssertEqual(c("f().x"), [])
        XCTAssertEqual(c("1.re"), [])
        XCTAssertEqual(c("nosuch.x"), [])
    }

    func testMetaCommands() {
        XCTAssertEqual(c(":he"), [":help"])
        XCTAssertEqual(c(":"), [":help", ":lessons", ":next", ":open", ":prev", ":quit", ":reset", ":run", ":show"])
        XCTAssertEqual(c(":r"), [":reset", ":run"])
        XCTAssertEqual(c(":zz"), [])
    }

    func testViewCommandArguments() {
        XCTAssertEqual(c("", before: ":annotate "), ["events", "off", "output"])
        XCTAssertEqual(c("o", before: ":annotate "), ["off", "output"])
        XCTAssertEqual(c("", before: ":gil "), ["off", "on"])
        XCTAssertEqual(c("o", before: ":trace "), ["off"])
        XCTAssertEqual(c("x", before: ":gil "), [])
        let repl = Completer(globals: PyDict(), builtins: PyDict(),
                             metaCommands: Repl.metaCommands.map { ":" + $0.name + ($0.args.isEmpty ? "" : " ") })
        XCTAssertEqual(repl.complete(before: "", word: ":a"), [":annotate "])
        XCTAssertEqual(repl.complete(before: "", word: ":g"), [":gil "])
        XCTAssertEqual(repl.complete(before: "", word: ":t"), [":trace "])
    }

    func testLessonNamesAfterOpen() {
        XCTAssertEqual(c("th", before: ":open "), ["threads"])
        XCTAssertEqual(c("0", before: ":open "), ["00-concepts", "04-threads"])
        XCTAssertEqual(c("x", before: ":help "), [])
    }

    func testTabOnABlankLineIndents() {
        XCTAssertEqual(c(""), ["    "])
        XCTAssertEqual(c("", before: "    "), ["    "])
    }
}
