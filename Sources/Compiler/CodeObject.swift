import BigInt

/// A compile-time constant. The runtime turns these into values once per code object.
public indirect enum Constant: Sendable, Hashable {
    case none, `true`, `false`, ellipsis
    case int(BigInt)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case tuple([Constant])
    case code(CodeObject)
}

/// Where an instruction came from, for tracebacks (1-based lines, 0-based columns).
public struct SourceSpan: Sendable, Hashable {
    public var line: Int32, column: Int32, endLine: Int32, endColumn: Int32
    public init(line: Int32, column: Int32, endLine: Int32, endColumn: Int32) {
        self.line = line; self.column = column; self.endLine = endLine; self.endColumn = endColumn
    }
}

/// See `Opcode`: an exception escaping an instruction in `start..<end` unwinds to `handler`.
/// Entries are ordered innermost first, so the first match wins.
public struct ExceptionTableEntry: Sendable, Hashable {
    public var start: Int32, end: Int32, handler: Int32
    /// Value-stack depth (above the locals) to pop down to before pushing the exception.
    public var depth: Int32
    /// Push the faulting instruction index before the exception (for `reraise 1` / `with`).
    public var pushLasti: Bool
    public init(start: Int32, end: Int32, handler: Int32, depth: Int32, pushLasti: Bool) {
        self.start = start; self.end = end; self.handler = handler; self.depth = depth; self.pushLasti = pushLasti
    }
}

/// What the compiler makes of one function, class body, module or comprehension.
/// Immutable once built; shared freely between threads.
public final class CodeObject: @unchecked Sendable, Hashable {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// `*args` present: the tuple is the local after the positional and keyword-only parameters.
        public static let varargs = Flags(rawValue: 1 << 0)
        /// `**kwargs` present: the dict is the local after `*args` (if any).
        public static let varkeywords = Flags(rawValue: 1 << 1)
        public static let generator = Flags(rawValue: 1 << 2)
        /// Module or class body: names resolve through a locals dict (LOAD_NAME).
        public static let usesLocalsDict = Flags(rawValue: 1 << 3)
        public static let nested = Flags(rawValue: 1 << 4)
        public static let coroutine = Flags(rawValue: 1 << 5)
    }

    public let name: String
    public let qualname: String
    public let filename: String
    public let firstLine: Int32
    public let flags: Flags
    /// Parameters: `argcount` positional (including `posonlyargcount` positional-only), then
    /// `kwonlyargcount` keyword-only, then `*args`, then `**kwargs`; all are the first locals.
    public let argcount: Int
    public let posonlyargcount: Int
    public let kwonlyargcount: Int
    /// Names of the fast locals (parameters first).
    public let varnames: [String]
    /// Variables of this scope captured by inner scopes (stored in cells).
    public let cellvars: [String]
    /// For each cell variable, the index of the parameter it starts from, or -1.
    public let cell2arg: [Int]
    /// Variables of enclosing scopes used here (the closure tuple, in this order).
    public let freevars: [String]
    /// Global / attribute / imported names referenced by index.
    public let names: [String]
    public let consts: [Constant]
    public let instructions: [Instruction]
    /// One span per instruction.
    public let positions: [SourceSpan]
    public let exceptionTable: [ExceptionTableEntry]
    /// Maximum value-stack depth (not counting locals and cells).
    public let stacksize: Int
    /// The docstring, if the body started with one.
    public let docstring: String?

    public init(name: String, qualname: String, filename: String, firstLine: Int32, flags: Flags,
                argcount: Int, posonlyargcount: Int, kwonlyargcount: Int,
                varnames: [String], cellvars: [String], cell2arg: [Int], freevars: [String],
                names: [String], consts: [Constant], instructions: [Instruction], positions: [SourceSpan],
                exceptionTable: [ExceptionTableEntry], stacksize: Int, docstring: String?) {
        self.name = name; self.qualname = qualname; self.filename = filename; self.firstLine = firstLine
        self.flags = flags; self.argcount = argcount; self.posonlyargcount = posonlyargcount
        self.kwonlyargcount = kwonlyargcount; self.varnames = varnames; self.cellvars = cellvars
        self.cell2arg = cell2arg; self.freevars = freevars; self.names = names; self.consts = consts
        self.instructions = instructions; self.positions = positions; self.exceptionTable = exceptionTable
        self.stacksize = stacksize; self.docstring = docstring
    }

    /// Total parameter slots, counting `*args` and `**kwargs`.
    public var totalArgSlots: Int {
        argcount + kwonlyargcount + (flags.contains(.varargs) ? 1 : 0) + (flags.contains(.varkeywords) ? 1 : 0)
    }

    public static func == (a: CodeObject, b: CodeObject) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}
