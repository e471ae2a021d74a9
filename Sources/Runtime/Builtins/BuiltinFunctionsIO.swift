import BigInt

/// Text in and out, and conversions to text: print, input, open, repr, ascii, format, chr, ord, hex,
/// oct, bin, plus the small object queries len, hash and id.
extension Builtins {
    static var ioFunctions: [NativeBinding] {
        [
            NativeBinding("print", print),
            NativeBinding("input", input),
            NativeBinding("open", { _, _ in throw PyError(.make(.notImplementedError, "open() comes with the downloads lesson")) }),
            NativeBinding("repr", { vm, args in .str(try vm.repr(try one(args, "repr"))) }),
            NativeBinding("ascii", { vm, args in .str(vm.asciiRepr(try vm.repr(try one(args, "ascii")))) }),
            NativeBinding("format", { vm, args in
                try args.check("format", min: 1, max: 2)
                var spec = ""
                if args.count == 2 {
                    guard let s = string(args[1]) else {
                        throw PyError.type("format() argument 2 must be str, not \(args[1].typeName)")
                    }
                    spec = s
                }
                return .str(try vm.format(args[0], spec))
            }),
            NativeBinding("chr", { vm, args in
                let n = try vm.index(try one(args, "chr"))
                guard n >= 0 && n < 0x110000 else { throw PyError.value("chr() arg not in range(0x110000)") }
                // Lone surrogates cannot live in a Swift String: they become U+FFFD.
                let scalar = Unicode.Scalar(UInt32(n)) ?? Unicode.Scalar(0xFFFD)!
                return .str(String(Character(scalar)))
            }),
            NativeBinding("ord", { _, args in
                let v = try one(args, "ord")
                if case .object(let o) = v {
                    if let s = o as? PyStr {
                        guard s.count == 1 else {
                            throw PyError.type("ord() expected a character, but string of length \(s.count) found")
                        }
                        return .int(Int(s.value.unicodeScalars.first!.value))
                    }
                    if let b = o as? PyBytes {
                        guard b.bytes.count == 1 else {
                            throw PyError.type("ord() expected a character, but string of length \(b.bytes.count) found")
                        }
                        return .int(Int(b.bytes[0]))
                    }
                }
                throw PyError.type("ord() expected string of length 1, but \(v.typeName) found")
            }),
            NativeBinding("hex", { vm, args in .str(try radixString(vm, try one(args, "hex"), 16, "0x")) }),
            NativeBinding("oct", { vm, args in .str(try radixString(vm, try one(args, "oct"), 8, "0o")) }),
            NativeBinding("bin", { vm, args in .str(try radixString(vm, try one(args, "bin"), 2, "0b")) }),
            NativeBinding("len", { vm, args in
                // The builtin containers' lengths read in place (no copy of the argument).
                if args.count == 1, !args.hasKeywords, let u = args.peekObject(0),
                   let n = u._withUnsafeGuaranteedRef({ VM.builtinLength($0, holdingGIL: vm.gilHeld) }) { return .int(n) }
                return .int(try vm.len(try one(args, "len")))
            }),
            NativeBinding("hash", { vm, args in .int(try vm.hash(try one(args, "hash"))) }),
            NativeBinding("id", { _, args in .int(identity(try one(args, "id"))) }),
        ]
    }

    /// `hex`/`oct`/`bin`: `-0x1f` style, any size.
    static func radixString(_ vm: VM, _ v: Value, _ radix: Int, _ prefix: String) throws -> String {
        if case .int(let n) = v {
            return (n < 0 ? "-" : "") + prefix + String(n.magnitude, radix: radix)
        }
        let b = try BuiltinNumerics.indexBig(vm, v)
        return (b.sign == .minus && !b.isZero ? "-" : "") + prefix + String(b.magnitude, radix: radix)
    }

    /// `id(v)`: the object's address for heap objects; a stable value-derived number for inline values
    /// (small ints, floats, bools and None have no separate identity here).
    public static func identity(_ v: Value) -> Int {
        switch v {
        case .object(let o): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o)))
        case .none, .null: return 0x7f00_0000_1000
        case .bool(let b): return b ? 0x7f00_0000_1040 : 0x7f00_0000_1020
        case .int(let n): return 0x6000_0000_0000 | Int(UInt(bitPattern: n &* 32) & 0x0fff_ffff_ffff)
        case .float(let d): return 0x5000_0000_0000 | Int(UInt(truncatingIfNeeded: d.bitPattern &* 16) & 0x0fff_ffff_ffff)
        }
    }

    // MARK: print / input

    private static let printKeywords = ["sep", "end", "file", "flush"]

    static func print(_ vm: VM, _ args: Args) throws -> Value {
        var sep = " ", end = "\n"
        var file: Value = .none
        var flush = false
        for (k, v) in zip(args.kwnames, args.kwvalues) {
            switch k {
            case "sep", "end":
                if v.isNone { continue }
                guard let s = string(v) else { throw PyError.type("\(k) must be None or a string, not \(v.typeName)") }
                if k == "sep" { sep = s } else { end = s }
            case "file": file = v
            case "flush": flush = try vm.truthy(v)
            default: throw PyError.type("'\(k)' is an invalid keyword argument for print()")
            }
        }
        if file.isNone { file = vm.interp.sys.dict.getStr("stdout") ?? .none }
        if file.isNone { return .none }
        if case .object(let o) = file, let stream = o as? PyTextStream {
            var text = ""
            for (i, v) in args.positional.enumerated() {
                if i > 0 { text += sep }
                text += try vm.str(v)
            }
            text += end
            try stream.write(text, vm: vm)
            if flush { stream.flush(vm: vm) }
            return .none
        }
        // Another file-like object: call its write() piece by piece, as CPython does.
        let write = try vm.getAttr(file, "write")
        for (i, v) in args.positional.enumerated() {
            if i > 0 { _ = try vm.call(write, Args([.str(sep)])) }
            _ = try vm.call(write, Args([.str(try vm.str(v))]))
        }
        _ = try vm.call(write, Args([.str(end)]))
        if flush { _ = try vm.call(try vm.getAttr(file, "flush"), Args()) }
        return .none
    }

    static func input(_ vm: VM, _ args: Args) throws -> Value {
        try args.check("input", min: 0, max: 1)
        let prompt = args.count == 1 ? try vm.str(args[0]) : ""
        vm.interp.stdout.flush()
        let source = vm.interp.stdin
        let line = try vm.allowThreads { try source.readLine(prompt: prompt, vm: vm) }
        guard let l = line else { throw PyError(.make(.eofError, "EOF when reading a line")) }
        return .str(l)
    }
}
