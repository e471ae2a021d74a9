import Syntax

/// An inconsistency found while assembling (a compiler bug, not a user error).
struct AssemblyError: Error, CustomStringConvertible {
    let message: String
    var description: String { "internal compiler error: \(message)" }
}

extension Unit {
    /// Turns the emitted instructions into a `CodeObject`:
    /// 1. stack-depth flow analysis over normal and exceptional edges (which also fixes each handler's depth);
    /// 2. removal of unreachable instructions and of jumps to the next instruction;
    /// 3. resolution of labels to instruction indices;
    /// 4. the exception table, one entry per run of instructions with the same innermost handler.
    func assemble(filename: String, flags: CodeObject.Flags) throws -> CodeObject {
        let n = instructions.count
        for ins in instructions where ins.op.isJump && labelTargets[Int(ins.arg)] < 0 {
            throw AssemblyError(message: "jump to an unbound label in \(qualname)")
        }
        for h in handlers where labelTargets[h.label.id] < 0 {
            throw AssemblyError(message: "exception handler with an unbound label in \(qualname)")
        }
        func target(_ i: Int) -> Int { labelTargets[Int(instructions[i].arg)] }

        // 1. Flow analysis.
        var depth = [Int](repeating: -1, count: n + 1)
        var handlerDepth = [Int?](repeating: nil, count: handlers.count)
        var worklist: [Int] = []
        var maxDepth = 0

        func reach(_ i: Int, _ d: Int, from: Int) throws {
            guard i < n else {
                throw AssemblyError(message: "control falls off the end of \(qualname) after instruction \(from)")
            }
            guard d >= 0 else {
                throw AssemblyError(message: "negative stack depth at instruction \(i) of \(qualname)")
            }
            if depth[i] < 0 {
                depth[i] = d
                maxDepth = max(maxDepth, d)
                worklist.append(i)
            } else if depth[i] != d {
                throw AssemblyError(message: "inconsistent stack depth at instruction \(i) of \(qualname): \(depth[i]) vs \(d)")
            }
        }

        if n > 0 { try reach(0, 0, from: -1) }
        while true {
            while let i = worklist.popLast() {
                let ins = instructions[i]
                let d = depth[i]
                if ins.op.isJump {
                    try reach(target(i), d + stackEffect(ins.op, arg: ins.arg, jump: true), from: i)
                }
                if !ins.op.isTerminal {
                    try reach(i + 1, d + stackEffect(ins.op, arg: ins.arg, jump: false), from: i)
                } else {
                    let after = d + stackEffect(ins.op, arg: ins.arg, jump: false)
                    if after < 0 {
                        throw AssemblyError(message: "negative stack depth after instruction \(i) of \(qualname)")
                    }
                }
            }
            // Seed the handlers whose protected instructions are reachable.
            var seeded = false
            for i in 0..<n where depth[i] >= 0 && handlerOf[i] >= 0 {
                let h = Int(handlerOf[i])
                if handlerDepth[h] != nil { continue }
                let info = handlers[h]
                let setupDepth = depth[info.setupIndex]
                guard setupDepth >= 0 else {
                    throw AssemblyError(message: "handler set up in unreachable code in \(qualname)")
                }
                let hd = setupDepth + info.adjust
                handlerDepth[h] = hd
                try reach(labelTargets[info.label.id], hd + (info.pushLasti ? 1 : 0) + 1, from: i)
                seeded = true
            }
            if !seeded { break }
        }

        // 2. Keep reachable instructions, minus jumps to the next kept instruction.
        var keep = (0..<n).map { depth[$0] >= 0 }
        var nextKept = [Int](repeating: n, count: n + 1)
        func computeNextKept() {
            var next = n
            nextKept[n] = n
            for i in stride(from: n - 1, through: 0, by: -1) {
                if keep[i] { next = i }
                nextKept[i] = next
            }
        }
        computeNextKept()
        for i in 0..<n where keep[i] && instructions[i].op == .jump {
            if nextKept[target(i)] == nextKept[i + 1] { keep[i] = false }
        }
        computeNextKept()

        var newIndex = [Int](repeating: -1, count: n + 1)
        var count = 0
        for i in 0..<n where keep[i] {
            newIndex[i] = count
            count += 1
        }
        newIndex[n] = count
        func mapped(_ position: Int) -> Int { newIndex[nextKept[position]] }

        // 3. Final instructions.
        var finalInstructions: [Instruction] = []
        var finalPositions: [SourceSpan] = []
        var finalHandlerOf: [Int32] = []
        finalInstructions.reserveCapacity(count)
        for i in 0..<n where keep[i] {
            var ins = instructions[i]
            if ins.op.isJump {
                ins.arg = Int32(mapped(target(i)))
            }
            finalInstructions.append(ins)
            finalPositions.append(positions[i])
            finalHandlerOf.append(handlerOf[i])
            let d = depth[i]
            maxDepth = max(maxDepth, d + stackEffect(ins.op, arg: ins.arg, jump: false))
            if ins.op.isJump { maxDepth = max(maxDepth, d + stackEffect(ins.op, arg: ins.arg, jump: true)) }
        }

        // 4. Exception table.
        var table: [ExceptionTableEntry] = []
        var runStart = 0
        var runHandler: Int32 = -1
        func closeRun(_ end: Int) throws {
            guard runHandler >= 0, end > runStart else { return }
            let h = Int(runHandler)
            guard let hd = handlerDepth[h] else {
                throw AssemblyError(message: "unseeded exception handler in \(qualname)")
            }
            let info = handlers[h]
            table.append(ExceptionTableEntry(start: Int32(runStart), end: Int32(end),
                                             handler: Int32(mapped(labelTargets[info.label.id])),
                                             depth: Int32(hd), pushLasti: info.pushLasti))
        }
        for (i, h) in finalHandlerOf.enumerated() where h != runHandler {
            try closeRun(i)
            runStart = i
            runHandler = h
        }
        try closeRun(finalHandlerOf.count)
        table.sort { $0.start < $1.start }

        var cell2arg: [Int] = []
        let nargs = argcount + kwonlyargcount + (flags.contains(.varargs) ? 1 : 0) + (flags.contains(.varkeywords) ? 1 : 0)
        var hasCellArg = false
        for c in cellvars {
            if let i = varnames.prefix(nargs).firstIndex(of: c) {
                cell2arg.append(i)
                hasCellArg = true
            } else {
                cell2arg.append(-1)
            }
        }
        if !hasCellArg { cell2arg = cellvars.map { _ in -1 } }

        let code = CodeObject(
            name: name, qualname: qualname, filename: filename, firstLine: firstLine, flags: flags,
            argcount: argcount, posonlyargcount: posonlyargcount, kwonlyargcount: kwonlyargcount,
            varnames: varnames, cellvars: cellvars, cell2arg: cell2arg, freevars: freevars,
            names: names, consts: consts, instructions: finalInstructions, positions: finalPositions,
            exceptionTable: table, stacksize: maxDepth, docstring: docstring)
        #if DEBUG
        let problems = verifyStack(code, recursive: false)
        assert(problems.isEmpty, "stack verification failed for \(qualname): \(problems)")
        #endif
        return code
    }
}
