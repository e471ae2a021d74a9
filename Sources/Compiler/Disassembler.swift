extension Opcode {
    /// CPython-style name: `loadConst` → `LOAD_CONST`.
    public var displayName: String {
        var out = ""
        for ch in String(describing: self) {
            if ch.isUppercase {
                out += "_"
                out += String(ch)
            } else {
                out += ch.uppercased()
            }
        }
        return out
    }

    /// Whether the argument is meaningful (shown by the disassembler).
    public var hasArgument: Bool {
        switch self {
        case .nop, .popTop, .pushNull, .pushNullCallLocal0, .binarySubscr, .storeSubscr, .deleteSubscr, .listToTuple, .getIter,
             .returnValue, .loadBuildClass, .pushExcInfo, .popExcept, .checkExcMatch, .loadAssertionError,
             .beforeWith, .withExceptStart, .yieldValue, .getYieldFromIter, .returnGenerator, .importStar,
             .printExpr:
            return false
        default:
            return true
        }
    }
}

/// Python's `repr` of a constant.
public func constantRepr(_ c: Constant) -> String {
    switch c {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "Ellipsis"
    case let .int(v): return v.description
    case let .float(d): return floatRepr(d)
    case let .str(s): return stringRepr(s)
    case let .bytes(b): return bytesRepr(b)
    case let .tuple(items):
        if items.count == 1 { return "(" + constantRepr(items[0]) + ",)" }
        return "(" + items.map(constantRepr).joined(separator: ", ") + ")"
    case let .code(code): return "<code object \(code.name), file \"\(code.filename)\", line \(code.firstLine)>"
    }
}

func floatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == d.rounded(), abs(d) < 1e16 {
        let s = "\(d)"
        return s.contains("e") ? s : (s.hasSuffix(".0") ? s : s + ".0")
    }
    return "\(d)"
}

func stringRepr(_ s: String) -> String {
    let quote: Character = (s.contains("'") && !s.contains("\"")) ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == quote {
                out += "\\" + String(quote)
            } else if u.value < 0x20 || u.value == 0x7F {
                out += "\\x" + hex(u.value, 2)
            } else if (0x80..<0xA0).contains(u.value) {
                out += "\\x" + hex(u.value, 2)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    out.append(quote)
    return out
}

func bytesRepr(_ b: [UInt8]) -> String {
    let hasSingle = b.contains(0x27), hasDouble = b.contains(0x22)
    let quote: UInt8 = (hasSingle && !hasDouble) ? 0x22 : 0x27
    var out = "b" + String(UnicodeScalar(quote))
    for x in b {
        switch x {
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 0x20..<0x7F: out += String(UnicodeScalar(x))
        default: out += "\\x" + hex(UInt32(x), 2)
        }
    }
    return out + String(UnicodeScalar(quote))
}

private func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

extension CodeObject {
    /// A CPython `dis`-like listing: source line, jump-target marker `>>`, instruction index, opcode,
    /// argument and its meaning; then the exception table (ranges inclusive, as `dis` prints them);
    /// then, recursively, every code object among the constants.
    public func disassemble() -> String {
        var out = ""
        disassemble(into: &out)
        return out
    }

    func disassemble(into out: inout String) {
        let targets = Set(instructions.filter { $0.op.isJump }.map { Int($0.arg) }
                          + exceptionTable.map { Int($0.handler) })
        var lastLine: Int32 = -1
        for (i, ins) in instructions.enumerated() {
            let line = i < positions.count ? positions[i].line : 0
            var fields: [String] = []
            if line != lastLine {
                if i > 0 { out += "\n" }
                fields.append(pad(String(line), 3, left: true))
                lastLine = line
            } else {
                fields.append("   ")
            }
            fields.append("   ")
            fields.append(targets.contains(i) ? ">>" : "  ")
            fields.append(pad(String(i), 4, left: true))
            fields.append(pad(ins.op.displayName, 20, left: false))
            if ins.op.hasArgument {
                fields.append(pad(String(ins.arg), 5, left: true))
                let r = argRepr(ins)
                if !r.isEmpty { fields.append("(" + r + ")") }
            }
            var text = fields.joined(separator: " ")
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        if !exceptionTable.isEmpty {
            out += "ExceptionTable:\n"
            for e in exceptionTable {
                out += "  \(e.start) to \(e.end - 1) -> \(e.handler) [\(e.depth)]\(e.pushLasti ? " lasti" : "")\n"
            }
        }
        for c in consts {
            if case let .code(inner) = c {
                out += "\nDisassembly of \(constantRepr(c)):\n"
                inner.disassemble(into: &out)
            }
        }
    }

    private func pad(_ s: String, _ width: Int, left: Bool) -> String {
        let n = s.count
        if n >= width { return s }
        let spaces = String(repeating: " ", count: width - n)
        return left ? spaces + s : s + spaces
    }

    func argRepr(_ ins: Instruction) -> String {
        let a = Int(ins.arg)
        func at<T>(_ xs: [T], _ i: Int) -> T? { i >= 0 && i < xs.count ? xs[i] : nil }
        switch ins.op {
        case .loadConst, .kwNames:
            return at(consts, a).map(constantRepr) ?? "?"
        case .loadFast, .loadFastBorrow, .loadFastBorrowMethod, .storeFast, .deleteFast, .loadFastLoadAttr, .loadFastStoreAttr, .loadFastCallMethod0, .loadFastConstBinary, .loadFastFastBinary:
            return at(varnames, a) ?? "?"
        case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref:
            return at(cellvars + freevars, a) ?? "?"
        case .loadName, .storeName, .deleteName, .loadGlobal, .storeGlobal, .deleteGlobal, .loadAttr,
             .storeAttr, .deleteAttr, .loadMethod, .importName, .importFrom:
            return at(names, a) ?? "?"
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .popJumpIfNone,
             .popJumpIfNotNone, .forIter, .send:
            return "to \(a)"
        case .binaryOp:
            return BinaryOperator(rawValue: ins.arg)?.symbol ?? "?"
        case .unaryOp:
            switch UnaryOperator(rawValue: ins.arg) {
            case .negative?: return "-"
            case .positive?: return "+"
            case .invert?: return "~"
            case .not?: return "not"
            case nil: return "?"
            }
        case .compareOp, .compareOpJump:
            return ComparisonOperator(rawValue: ins.arg)?.symbol ?? "?"
        case .isOp:
            return a == 0 ? "is" : "is not"
        case .containsOp:
            return a == 0 ? "in" : "not in"
        case .formatValue:
            var parts: [String] = []
            switch a & 3 {
            case 1: parts.append("str")
            case 2: parts.append("repr")
            case 3: parts.append("ascii")
            default: break
            }
            if a & 4 != 0 { parts.append("with format") }
            return parts.joined(separator: ", ")
        case .makeFunction:
            var parts: [String] = []
            if a & 1 != 0 { parts.append("defaults") }
            if a & 2 != 0 { parts.append("kwdefaults") }
            if a & 4 != 0 { parts.append("annotations") }
            if a & 8 != 0 { parts.append("closure") }
            return parts.joined(separator: ", ")
        case .unpackEx:
            return "\(a & 0xFF), \(a >> 8)"
        case .raiseVarargs:
            return ["reraise", "exception instance", "exception instance with __cause__"][min(max(a, 0), 2)]
        default:
            return ""
        }
    }
}
