/// Checks that a code object's value stack is consistent, by flow analysis over the final instruction
/// stream with `stackEffect`, following jumps, fall-through and the exception table (a handler is entered
/// with `depth + pushLasti + 1` items). Returns a description of every problem found (empty when sound):
/// - every jump target and exception handler is a valid instruction index; table ranges are valid;
/// - every reachable instruction is reached with a single depth, never negative, never above `stacksize`;
/// - no path runs off the end of the code;
/// - inside a protected range the stack is never below the handler's depth;
/// - `positions` has one entry per instruction.
/// With `recursive`, nested code objects in `consts` are checked as well.
public func verifyStack(_ code: CodeObject, recursive: Bool = true) -> [String] {
    var problems: [String] = []
    let name = code.qualname
    let ins = code.instructions
    let n = ins.count
    func problem(_ s: String) { problems.append("\(name): \(s)") }

    if code.positions.count != n { problem("\(code.positions.count) positions for \(n) instructions") }
    for (i, x) in ins.enumerated() where x.op.isJump {
        if x.arg < 0 || Int(x.arg) >= n { problem("jump target \(x.arg) of instruction \(i) out of range") }
    }
    for (k, e) in code.exceptionTable.enumerated() {
        if e.start < 0 || e.end > n || e.start >= e.end { problem("exception entry \(k) has bad range \(e.start)..<\(e.end)") }
        if e.handler < 0 || Int(e.handler) >= n { problem("exception entry \(k) handler \(e.handler) out of range") }
        if e.depth < 0 { problem("exception entry \(k) has negative depth") }
    }
    if !problems.isEmpty { return problems }

    var depth = [Int](repeating: -1, count: n)
    var work: [Int] = []
    func reach(_ i: Int, _ d: Int, from: Int) {
        if i >= n { problem("control runs off the end after instruction \(from)"); return }
        if d < 0 { problem("negative stack depth \(d) entering instruction \(i)"); return }
        if d > code.stacksize { problem("depth \(d) entering instruction \(i) exceeds stacksize \(code.stacksize)") }
        if depth[i] < 0 {
            depth[i] = d
            work.append(i)
        } else if depth[i] != d {
            problem("inconsistent depth at instruction \(i): \(depth[i]) vs \(d) (from \(from))")
        }
    }
    if n == 0 {
        problem("empty code")
        return problems
    }
    reach(0, 0, from: -1)
    var seeded = [Bool](repeating: false, count: code.exceptionTable.count)
    while true {
        while let i = work.popLast() {
            let x = ins[i]
            let d = depth[i]
            if x.op.isJump {
                let after = d + stackEffect(x.op, arg: x.arg, jump: true)
                if after > code.stacksize { problem("depth \(after) after instruction \(i) exceeds stacksize") }
                reach(Int(x.arg), after, from: i)
            }
            let after = d + stackEffect(x.op, arg: x.arg, jump: false)
            if after < 0 { problem("negative stack depth after instruction \(i) (\(x.op))") }
            if after > code.stacksize { problem("depth \(after) after instruction \(i) exceeds stacksize") }
            if !x.op.isTerminal { reach(i + 1, after, from: i) }
        }
        var again = false
        for (k, e) in code.exceptionTable.enumerated() where !seeded[k] {
            if (Int(e.start)..<Int(e.end)).contains(where: { depth[$0] >= 0 }) {
                seeded[k] = true
                again = true
                reach(Int(e.handler), Int(e.depth) + (e.pushLasti ? 1 : 0) + 1, from: -2)
            }
        }
        if !again { break }
    }
    for e in code.exceptionTable {
        for i in Int(e.start)..<Int(e.end) where depth[i] >= 0 && depth[i] < Int(e.depth) {
            problem("instruction \(i) is protected by a handler of depth \(e.depth) but has depth \(depth[i])")
        }
    }
    if recursive {
        for c in code.consts {
            if case let .code(inner) = c { problems += verifyStack(inner, recursive: true) }
        }
    }
    return problems
}
