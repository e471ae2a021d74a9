/// The net change of the value-stack depth caused by one instruction, as documented in `Opcode`.
/// For jumping instructions `jump` selects the effect when the jump is taken (true) or when execution
/// falls through (false); for other instructions it is ignored. Instructions that never fall through
/// (`returnValue`, `raiseVarargs`, `reraise`) report the items they consume.
public func stackEffect(_ op: Opcode, arg: Int32, jump: Bool) -> Int {
    let a = Int(arg)
    switch op {
    case .nop: return 0
    case .popTop: return -1
    case .copy: return 1
    case .swap: return 0
    case .pushNull, .pushNullCallLocal0: return 1

    case .loadConst, .loadFast, .loadFastBorrow, .loadFastBorrowMethod, .loadFastLoadAttr, .loadFastStoreAttr, .loadFastCallMethod0, .loadFastConstBinary, .loadFastFastBinary, .loadDeref, .loadClosure, .loadClassDeref, .loadName, .loadGlobal: return 1
    case .storeFast, .storeDeref, .storeName, .storeGlobal: return -1
    case .deleteFast, .deleteDeref, .deleteName, .deleteGlobal: return 0

    case .loadAttr: return 0
    case .storeAttr: return -2
    case .deleteAttr: return -1
    case .loadMethod: return 1
    case .binarySubscr: return -1
    case .storeSubscr: return -3
    case .deleteSubscr: return -2
    case .buildSlice: return a == 3 ? -2 : -1

    case .binaryOp, .compareOp, .compareOpJump, .isOp, .containsOp: return -1
    case .unaryOp: return 0

    case .buildTuple, .buildList, .buildSet, .buildString: return 1 - a
    case .buildMap: return 1 - 2 * a
    case .buildConstKeyMap: return -a
    case .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate, .dictMerge: return -1
    case .mapAdd: return -2
    case .listToTuple: return 0
    case .formatValue: return (a & 4) != 0 ? -1 : 0

    case .unpackSequence: return a - 1
    case .unpackEx: return (a & 0xFF) + (a >> 8)

    case .jump: return 0
    case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone: return -1
    case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return jump ? 0 : -1
    case .getIter: return 0
    case .forIter: return jump ? -1 : 1
    case .returnValue: return -1

    case .makeFunction:
        return -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1))
    case .kwNames: return 0
    case .call, .callBorrowed: return -a - 1
    case .callFunctionEx: return -2 - (a & 1)
    case .loadBuildClass: return 1

    case .pushExcInfo: return 1
    case .popExcept: return -1
    case .checkExcMatch: return 0
    case .reraise: return -1 - a
    case .raiseVarargs: return -a
    case .loadAssertionError: return 1
    case .beforeWith: return 2
    case .withExceptStart: return 1

    case .yieldValue: return 0
    case .getYieldFromIter: return 0
    case .send: return jump ? -1 : 0
    case .returnGenerator: return 0

    case .importName: return -1
    case .importFrom: return 1
    case .importStar: return -1

    case .printExpr: return -1
    }
}

extension Opcode {
    /// The argument is an absolute instruction index.
    public var isJump: Bool {
        switch self {
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop,
             .popJumpIfNone, .popJumpIfNotNone, .forIter, .send:
            return true
        default:
            return false
        }
    }

    /// Execution never continues with the next instruction.
    public var isTerminal: Bool {
        switch self {
        case .jump, .returnValue, .raiseVarargs, .reraise: return true
        default: return false
        }
    }
}
