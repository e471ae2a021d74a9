import Foundation
import Runtime

/// Tab completion for the REPL, like CPython's `rlcompleter`, but it never runs Python code.
///
/// - At the start of a line: meta-commands (`:he` → `:help`), and indentation on a blank line.
/// - After `:open `: lesson ids and file names; after `:annotate `, `:gil `, `:trace `: their words.
/// - A name: the namespace, the builtins and the keywords (callables get `(`, some keywords a space).
/// - `a.b.pre`: `a.b` is looked up only if it is a plain dotted name, by reading dictionaries
///   (the namespace, module and instance dicts, the type's MRO dicts) — no `__getattr__`, no properties,
///   no descriptors are called — and its attributes are listed the way `dir()` does.
public struct Completer {
    public var globals: PyDict
    public var builtins: PyDict
    /// Meta-commands with their colon (`:help`).
    public var metaCommands: [String]
    /// What `:open ` completes to (lesson ids and file names).
    public var lessonNames: [String]
    /// Inserted by Tab on a blank line.
    public var indent = "    "

    /// The fixed arguments of meta-commands (`:trace` also takes a file name).
    static let argumentChoices: [String: [String]] = [
        ":annotate": ["events", "off", "output"], ":gil": ["off", "on"], ":trace": ["off"],
    ]

    public init(globals: PyDict, builtins: PyDict, metaCommands: [String] = [], lessonNames: [String] = []) {
        self.globals = globals
        self.builtins = builtins
        self.metaCommands = metaCommands
        self.lessonNames = lessonNames
    }

    /// CPython 3.11's `keyword.kwlist` and `keyword.softkwlist`.
    public static let keywords = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let softKeywords = ["_", "case", "match"]

    /// Replacements for `word`, the text just before the cursor after the last word break; `before` is
    /// the rest of the line before it.
    public func complete(before: String, word: String) -> [String] {
        let lead = before.drop { $0 == " " || $0 == "\t" }
        if lead.isEmpty && word.isEmpty { return [indent] }
        if lead.isEmpty && word.hasPrefix(":") {
            return metaCommands.filter { $0.hasPrefix(word) }.sorted()
        }
        if lead.hasPrefix(":") {
            let parts = lead.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 1 && (parts[0] == ":open" || parts[0] == ":o") && lead.hasSuffix(" ") {
                return Array(Set(lessonNames.filter { $0.hasPrefix(word) })).sorted()
            }
            if parts.count == 1, lead.hasSuffix(" "), let choices = Completer.argumentChoices[String(parts[0])] {
                return choices.filter { $0.hasPrefix(word) }
            }
            return []
        }
        // The trailing dotted name inside the word (`print(x.ap` gives the word `x.ap` already, but a word
        // such as `1:x` keeps its head).
        var tail = Substring(word)
        if let cut = word.lastIndex(where: { !($0 == "." || Completer.isIdentifierChar($0)) }) {
            tail = word[word.index(after: cut)...]
        }
        let head = String(word[..<tail.startIndex])
        let expr = String(tail)
        if let dot = expr.lastIndex(of: ".") {
            let base = String(expr[..<dot])
            let prefix = String(expr[expr.index(after: dot)...])
            return attributeMatches(base: base, prefix: prefix).map { head + $0 }
        }
        if let f = expr.first, f.isNumber { return [] }
        return nameMatches(expr).map { head + $0 }
    }

    /// Names in the namespace, the builtins and the keywords that start with `prefix`.
    public func nameMatches(_ prefix: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for kw in Completer.keywords + Completer.softKeywords where kw.hasPrefix(prefix) && kw != "_" {
            seen.insert(kw)
            if kw == "finally" || kw == "try" {
                out.append(kw + ":")
            } else if ["False", "None", "True", "break", "continue", "pass", "else"].contains(kw) {
                out.append(kw)
            } else {
                out.append(kw + " ")
            }
        }
        for dict in [globals, builtins] {
            for (k, v) in dict.items {
                guard let name = (k.asObject as? PyStr)?.value, name.hasPrefix(prefix), !seen.contains(name) else { continue }
                if prefix.isEmpty && name.hasPrefix("_") { continue }
                seen.insert(name)
                out.append(Builtins.isCallable(v) ? name + "(" : name)
            }
        }
        return out.sorted()
    }

    /// `base.` + the attributes of `base` that start with `prefix`; none when `base` is not a plain
    /// dotted name or cannot be found without running code.
    public func attributeMatches(base: String, prefix: String) -> [String] {
        guard let value = resolve(base) else { return [] }
        let hidden: String? = prefix.isEmpty ? "_" : (prefix == "_" ? "__" : nil)
        var out: [String] = []
        for (name, v) in Completer.attributes(of: value) where name.hasPrefix(prefix) {
            if let h = hidden, name.hasPrefix(h) { continue }
            let callable = v.map(Builtins.isCallable) ?? false
            out.append(base + "." + name + (callable ? "(" : ""))
        }
        return out.sorted()
    }

    /// The value of a dotted name, read from dictionaries only.
    public func resolve(_ dotted: String) -> Value? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(Completer.isIdentifier) else { return nil }
        guard var value = globals.getStr(parts[0]) ?? builtins.getStr(parts[0]) else { return nil }
        for name in parts.dropFirst() {
            guard let next = Completer.staticAttribute(value, name) else { return nil }
            value = next
        }
        return value
    }

    /// `obj.name` without running code: a module's or instance's dict, or the class attribute found along
    /// the MRO when it is not a property. Nil when not found that way.
    static func staticAttribute(_ obj: Value, _ name: String) -> Value? {
        if case .object(let o) = obj {
            if let m = o as? PyModule { return m.dict.getStr(name) }
            if let t = o as? PyType {
                for c in t.mro { if let v = c.dict.getStr(name) { return safeClassAttribute(v) } }
                return nil
            }
            if let v = o.instanceAttribute(PyStr(name)) { return v }
        }
        for c in obj.type.mro {
            if let v = c.dict.getStr(name) { return safeClassAttribute(v) }
        }
        return nil
    }

    /// A class attribute is safe to inspect unless reading it through an instance would run code.
    private static func safeClassAttribute(_ v: Value) -> Value? {
        if case .object(let o) = v, o is PyProperty { return nil }
        return v
    }

    /// The attributes `dir()` would list, with their raw values when known (names the object has but that
    /// live nowhere readable, like `__class__`, have none).
    static func attributes(of obj: Value) -> [(String, Value?)] {
        var out: [(String, Value?)] = []
        var seen = Set<String>()
        func add(_ dict: PyDict) { add(dict.items) }
        func add(_ items: [(Value, Value)]) {
            for (k, v) in items {
                guard let name = (k.asObject as? PyStr)?.value, !seen.contains(name) else { continue }
                seen.insert(name)
                out.append((name, v))
            }
        }
        if case .object(let o) = obj {
            if let m = o as? PyModule { add(m.dict); return out }
            if let t = o as? PyType {
                for c in t.mro { add(c.dict) }
                for n in ["__name__", "__qualname__", "__mro__", "__bases__", "__module__", "__doc__", "__dict__"]
                where !seen.contains(n) { seen.insert(n); out.append((n, nil)) }
                return out
            }
            if let items = o.instanceAttributeItems { add(items) }
        }
        if !seen.contains("__class__") { seen.insert("__class__"); out.append(("__class__", nil)) }
        for c in obj.type.mro { add(c.dict) }
        return out
    }

    static func isIdentifierChar(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    static func isIdentifier(_ s: String) -> Bool {
        guard let f = s.first, f == "_" || f.isLetter else { return false }
        return s.allSatisfy(isIdentifierChar)
    }
}
