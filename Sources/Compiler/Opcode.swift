/// The instruction set. A stack machine close to CPython 3.11's, so that CPython's compiler is a guide.
///
/// Every instruction is an `Instruction` (opcode + 32-bit argument; no EXTENDED_ARG). Stack effects are
/// written `[before] -> [after]`, top of stack on the right. `NULL` is `Value.null`, a marker that Python
/// code never sees. Jump arguments are absolute instruction indices.
///
/// Exception handling is table-driven (`Code.exceptionTable`), as in CPython 3.11: no SETUP/POP_BLOCK
/// instructions run on the normal path. When an exception escapes instruction `pc`, the innermost entry
/// covering `pc` pops the value stack down to its `depth`, pushes `pc` if `pushLasti`, pushes the
/// exception, and jumps to its `handler`.
public enum Opcode: UInt8, Sendable, CaseIterable {
    // MARK: stack
    case nop
    /// `[a] -> []`
    case popTop
    /// `[.., x_arg, .., top] -> [.., x_arg, .., top, x_arg]` (arg 1 = top; COPY 1 duplicates TOS)
    case copy
    /// swap TOS with the item `arg` deep (arg ≥ 2; SWAP 2 swaps the two top items)
    case swap
    /// `[] -> [NULL]`
    case pushNull

    // MARK: names
    /// `[] -> [consts[arg]]`
    case loadConst
    /// `[] -> [fast[arg]]`; unbound raises UnboundLocalError
    case loadFast
    /// `[v] -> []`
    case storeFast
    case deleteFast
    /// cells and free variables live after the fast locals: index arg into `cellNames + freeNames`.
    /// `[] -> [cell.contents]`; empty raises NameError / UnboundLocalError like CPython.
    case loadDeref
    case storeDeref
    case deleteDeref
    /// `[] -> [cell]` (the cell object itself, to build a closure tuple)
    case loadClosure
    /// class bodies: look `names[?]` up in the class namespace, else in the free cell. arg = cell index
    case loadClassDeref
    /// module-level/class-level code: locals dict, then globals, then builtins. arg = names index.
    case loadName
    case storeName
    case deleteName
    /// globals, then builtins. `[] -> [v]`
    case loadGlobal
    case storeGlobal
    case deleteGlobal

    // MARK: attributes and items
    /// `[obj] -> [obj.names[arg]]`
    case loadAttr
    /// `[v, obj] -> []` (obj.name = v)
    case storeAttr
    /// `[obj] -> []`
    case deleteAttr
    /// `[obj] -> [method, obj]` when `names[arg]` is a plain function found on the type (unbound call
    /// saves a bound-method allocation), else `[NULL, obj.name]`. Pairs with `call`.
    case loadMethod
    /// `[container, key] -> [container[key]]`
    case binarySubscr
    /// `[v, container, key] -> []`
    case storeSubscr
    /// `[container, key] -> []`
    case deleteSubscr
    /// arg 2: `[lo, hi] -> [slice]`; arg 3: `[lo, hi, step] -> [slice]`
    case buildSlice

    // MARK: operators
    /// arg = `BinaryOperator.rawValue`. `[a, b] -> [a op b]`
    case binaryOp
    /// arg = `UnaryOperator.rawValue`. `[a] -> [op a]`
    case unaryOp
    /// arg = `ComparisonOperator.rawValue`. `[a, b] -> [a op b]`
    case compareOp
    /// `[a, b] -> [a is b]` (arg 1: `is not`)
    case isOp
    /// `[a, b] -> [a in b]` (arg 1: `not in`)
    case containsOp

    // MARK: building
    /// `[x1..xn] -> [(x1..xn)]`
    case buildTuple
    case buildList
    case buildSet
    /// `[k1, v1, .. kn, vn] -> [dict]`
    case buildMap
    /// `[k1..kn, (names)] -> [dict]` with the names tuple at TOS. (unused by default; kept for CPython parity)
    case buildConstKeyMap
    /// `[s1..sn] -> [s1+..+sn]` for f-strings: every item is already a str
    case buildString
    /// comprehension helpers: `[.., list, .., v] -> [.., list, ..]` appending v to the list arg deep
    /// (counting after popping v: LIST_APPEND 1 means the list is now TOS)
    case listAppend
    case setAdd
    /// `[.., dict, .., k, v] -> [.., dict, ..]`
    case mapAdd
    /// `[.., list, .., iterable] -> [.., list, ..]` (list.extend); used for `[*a, *b]` and `f(*a, *b)`
    case listExtend
    case setUpdate
    /// `{**a}`: `[.., dict, .., mapping] -> [.., dict, ..]`
    case dictUpdate
    /// `f(**a, **b)`: like dictUpdate but a repeated key raises TypeError
    /// "f() got multiple values for keyword argument 'k'"
    case dictMerge
    /// `[list] -> [tuple]`
    case listToTuple
    /// f-string conversion and spec. arg bits: 0-1 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2: has spec.
    /// `[v] -> [str]` or `[v, spec] -> [str]`
    case formatValue

    // MARK: unpacking
    /// `[seq] -> [xn..x1]` (x1 on top). Wrong length raises ValueError like CPython.
    case unpackSequence
    /// arg = before | (after << 8): `a, *b, c = seq` -> `[c, b(list), a]` with a on top
    case unpackEx

    // MARK: control flow
    case jump
    /// `[v] -> []`, jump if falsy / truthy
    case popJumpIfFalse
    case popJumpIfTrue
    /// `[v] -> [v]` and jump if falsy/truthy; otherwise `[v] -> []`
    case jumpIfFalseOrPop
    case jumpIfTrueOrPop
    /// `[v] -> []`; jump if v is None / not None
    case popJumpIfNone
    case popJumpIfNotNone
    /// `[obj] -> [iter(obj)]`
    case getIter
    /// `[it] -> [it, next(it)]`; when exhausted: `[it] -> []` and jump to arg
    case forIter
    /// `[v] -> return v`
    case returnValue

    // MARK: functions and calls
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`; arg bits: 1 defaults tuple,
    /// 2 kw-defaults dict, 8 closure tuple. (4 would be annotations; not used.) The qualified name comes
    /// from the code object.
    case makeFunction
    /// Sets the keyword names for the next `call`: consts[arg] is a tuple of str.
    case kwNames
    /// `[NULL|method, callable|self, a1..an] -> [result]`; arg = n. If the first slot is NULL the callable
    /// is the second slot; otherwise the first slot is called with self prepended. With `kwNames` in effect,
    /// the last len(kwnames) arguments are keyword arguments.
    case call
    /// `[NULL|method, callable|self, args(tuple), kwargs(dict)?] -> [result]`; arg bit 1: kwargs present.
    case callFunctionEx
    /// `[] -> [builtins.__build_class__]`
    case loadBuildClass

    // MARK: exceptions
    /// `[exc] -> [prev_exc_info, exc]`: the handler entry; exc becomes the "currently handled" exception.
    case pushExcInfo
    /// `[prev_exc_info] -> []`: restore the previously handled exception.
    case popExcept
    /// `[exc, type] -> [exc, bool]`; TypeError unless type is an exception class or a tuple of them.
    case checkExcMatch
    /// `[.., exc] -> re-raise exc`. If arg is 1, the item below exc is a saved lasti (popped first, used for
    /// the traceback line).
    case reraise
    /// arg 0: bare `raise` (re-raise the handled exception); 1: `[exc] -> raise`; 2: `[exc, cause] -> raise from`
    case raiseVarargs
    /// `[] -> [AssertionError]`
    case loadAssertionError
    /// `[mgr] -> [exit, self, mgr.__enter__()]`, where `[exit, self]` is `__exit__` in LOAD_METHOD's
    /// form: `[function, mgr]` when the class's `__exit__` is a plain or native function, else
    /// `[NULL, bound __exit__]`. The exit call is then `None, None, None; CALL 3`, which takes the
    /// usual method-call paths. (CPython 3.11 pushes one bound method, allocated per `with`: `with
    /// lock:` in a loop spent a third of its time making and freeing it.)
    case beforeWith
    /// `[exit, self, lasti, prev_exc, exc] -> [exit, self, lasti, prev_exc, exc, exit(self, type, exc, tb)]`
    /// (`[exit, self]` as BEFORE_WITH pushed them; the handler of a `with` keeps lasti pushed).
    case withExceptStart

    // MARK: generators
    /// `[v] -> suspends the frame yielding v; on resume -> [sent]`
    case yieldValue
    /// `[obj] -> [iter]` for yield from: generators pass through, others via iter()
    case getYieldFromIter
    /// `[sub, v] -> [sub, yielded]` when the subiterator yields (fall through to YIELD_VALUE);
    /// `[sub, v] -> [result]` and jump to arg when it returns.
    case send
    /// First instruction of a generator function body (no-op marker: calling the function creates the
    /// generator object instead of running).
    case returnGenerator

    // MARK: modules
    /// `[level, fromlist] -> [module]`; arg = names index of the dotted module name
    case importName
    /// `[module] -> [module, module.names[arg]]`
    case importFrom
    /// `[module] -> []` (from m import *: copies public names into locals)
    case importStar

    // MARK: interactive
    /// `[v] -> []`: the REPL's expression-statement hook (sys.displayhook: prints repr unless None, sets `_`)
    case printExpr

    // MARK: superinstructions (never emitted by the compiler)
    /// The runtime's copy of a code object replaces `LOAD_FAST i` by this when the next instruction is
    /// `LOAD_ATTR n` / `STORE_ATTR n` on that local (`self.x`, `self.x = v`). The VM reads the object in
    /// place, without copying the local onto the stack (two reference-count operations fewer), and skips
    /// the attribute instruction; when its fast path does not apply it acts exactly as `LOAD_FAST` and the
    /// attribute instruction that follows runs as usual. Same argument and stack effect as `LOAD_FAST`.
    case loadFastLoadAttr
    case loadFastStoreAttr
    /// Replaces `LOAD_FAST i` when `LOAD_METHOD n; CALL 0` follow (`lock.acquire()`, `q.get()`): when the
    /// local's type is a builtin one with a native method `n`, the VM calls it with the object lent in
    /// place (never copied onto the stack: two atomic reference-count operations fewer per call), pushes
    /// the result and skips both instructions; otherwise it acts exactly as `LOAD_FAST`.
    case loadFastCallMethod0
    /// Replaces `COMPARE_OP` when `POP_JUMP_IF_FALSE/TRUE` follows (`while i < n:`, `if n < 2:`): when
    /// the comparison is decided natively (ints, floats, strs …) the VM jumps or falls through at once
    /// (no bool pushed and popped, one dispatch fewer) and skips the jump instruction; otherwise it
    /// acts exactly as `COMPARE_OP`. Same argument and stack effect as `COMPARE_OP`.
    case compareOpJump
    /// Replace `LOAD_FAST i` when `LOAD_CONST c` or `LOAD_FAST j` and then `BINARY_OP`, `COMPARE_OP`,
    /// `COMPARE_OP_JUMP`, `BINARY_SUBSCR` or `CONTAINS_OP` follow (`n - 1`, `acc + x`, `i < n`, `xs[0]`,
    /// `d[k]`, `x in s`): when both operands are ints and the operation is computed natively, or the
    /// subscript or membership test is on a builtin container read in place, the VM does it in one
    /// dispatch — and a `STORE_FAST` after a `BINARY_OP` (`i += 1`), or the jump after a
    /// `COMPARE_OP_JUMP` or `CONTAINS_OP`, too — skipping those instructions; otherwise it acts exactly
    /// as `LOAD_FAST`.
    case loadFastConstBinary
    case loadFastFastBinary
    /// Replaces `PUSH_NULL` when `LOAD_FAST i; CALL 0` follow (`acquire()` with `acquire = lock.acquire`
    /// saved earlier): when the local is a native function, bound or not, the VM calls it with its self
    /// lent in place (no copy of the local onto the stack), pushes the result and skips both
    /// instructions; otherwise it acts exactly as `PUSH_NULL`.
    case pushNullCallLocal0
    /// Replace `LOAD_FAST` in a call whose every argument is a local, constant, global or closure
    /// variable (`len(x)`, `xs.append(v)`, `d.get(k, 0)`, `isinstance(x, str)`), and `CALL n` at its end: `LOAD_FAST_BORROW i` pushes an object
    /// local as a lent copy (not reference counted, marked as lent), `LOAD_FAST_BORROW_METHOD i` (the
    /// receiver, before `LOAD_METHOD n`) pushes a builtin type's native method and the object lent,
    /// skipping the `LOAD_METHOD`, or acts as `LOAD_FAST` for any other method. `CALL_BORROWED n` lends
    /// them to a native callee (no reference counting, two atomic operations per lent value fewer) and
    /// turns them into ordinary references for any other; otherwise it is `CALL n`. Nothing between the
    /// loads and the call can rebind the locals, so they keep the objects alive. Same arguments and stack
    /// effects as `LOAD_FAST` / `LOAD_FAST`+`LOAD_METHOD` / `CALL`.
    case loadFastBorrow
    case loadFastBorrowMethod
    case callBorrowed
}

public enum BinaryOperator: Int32, Sendable, CaseIterable {
    case add, subtract, multiply, matrixMultiply, trueDivide, floorDivide, remainder, power,
         lshift, rshift, and, or, xor
    case inplaceAdd, inplaceSubtract, inplaceMultiply, inplaceMatrixMultiply, inplaceTrueDivide,
         inplaceFloorDivide, inplaceRemainder, inplacePower, inplaceLshift, inplaceRshift, inplaceAnd,
         inplaceOr, inplaceXor

    /// The operator's symbol as CPython prints it in TypeErrors ("+", "+=", "**" ...).
    public var symbol: String {
        let base = ["+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
        let i = Int(rawValue)
        return i < base.count ? base[i] : base[i - base.count] + "="
    }

    public var isInplace: Bool { rawValue >= BinaryOperator.inplaceAdd.rawValue }

    /// The non-inplace form (`+=` → `+`).
    public var baseOperator: BinaryOperator {
        isInplace ? BinaryOperator(rawValue: rawValue - BinaryOperator.inplaceAdd.rawValue)! : self
    }
}

public enum UnaryOperator: Int32, Sendable { case negative, positive, invert, not }

public enum ComparisonOperator: Int32, Sendable {
    case lt, le, eq, ne, gt, ge
    public var symbol: String { ["<", "<=", "==", "!=", ">", ">="][Int(rawValue)] }
}

/// One instruction: 8 bytes.
public struct Instruction: Sendable, Hashable {
    public var op: Opcode
    public var arg: Int32
    public init(_ op: Opcode, _ arg: Int32 = 0) { self.op = op; self.arg = arg }
}
