/// CPython 3.11's "Did you mean" hints for NameError and AttributeError (Python/suggestions.c): the
/// closest candidate by a Levenshtein distance where a case change costs 1 and any other edit 2,
/// accepted only when no more than about a third of the characters change.
enum Suggestions {
    static let maxCandidates = 750
    static let maxStringSize = 40
    static let moveCost = 2
    static let caseCost = 1

    static func best(for name: String, among candidates: [String]) -> String? {
        if candidates.count >= maxCandidates { return nil }
        let n = Array(name.unicodeScalars)
        var best: String?
        var bestDistance = Int.max
        for item in candidates where item != name {
            let c = Array(item.unicodeScalars)
            var maxDistance = (n.count + c.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let d = distance(n, c, maxCost: maxDistance)
            if d > maxDistance { continue }
            if best == nil || d < bestDistance { best = item; bestDistance = d }
        }
        return best
    }

    private static func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        if a == b { return 0 }
        return a.properties.lowercaseMapping == b.properties.lowercaseMapping ? caseCost : moveCost
    }

    /// `levenshtein_distance` from suggestions.c, with its early exits.
    static func distance(_ a0: [Unicode.Scalar], _ b0: [Unicode.Scalar], maxCost: Int) -> Int {
        var a = a0[...], b = b0[...]
        if a == b { return 0 }
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        var buffer = [Int](repeating: 0, count: aa.count)
        for i in 0..<aa.count { buffer[i] = (i + 1) * moveCost }
        var result = 0
        for bIndex in 0..<bb.count {
            let code = bb[bIndex]
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<aa.count {
                let substitute = distance + substitutionCost(code, aa[index])
                distance = buffer[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                buffer[index] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}

/// What a NameError or AttributeError needs to compute its hint when it is printed.
final class SuggestionContext {
    enum Kind {
        case name(locals: [String], globals: PyDict, builtins: PyDict)
        case attribute(object: Value)
    }
    let name: String
    let kind: Kind
    init(name: String, kind: Kind) { self.name = name; self.kind = kind }

    func suggestion(_ vm: VM) -> String? {
        switch kind {
        case .name(let locals, let globals, let builtins):
            if let s = Suggestions.best(for: name, among: locals) { return s }
            let g = globals.keys.compactMap { ($0.asObject as? PyStr)?.value }
            if let s = Suggestions.best(for: name, among: g) { return s }
            let b = builtins.keys.compactMap { ($0.asObject as? PyStr)?.value }
            return Suggestions.best(for: name, among: b)
        case .attribute(let obj):
            guard let names = try? vm.attributeNames(obj) else { return nil }
            return Suggestions.best(for: name, among: names)
        }
    }
}
