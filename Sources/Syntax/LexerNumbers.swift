// The lexer's number literals, with CPython's checks for underscores, bad
// digits and invalid suffixes. Separate because it is the largest single
// token family and needs its own character-cursor helpers.

extension Lexer {
    // MARK: numbers

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.value >= 48 && c.value <= 57
    }

    static func isHexDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        let v = c.value
        return (v >= 48 && v <= 57) || (v >= 65 && v <= 70) || (v >= 97 && v <= 102)
    }

    @inline(__always) mutating func nextc() -> Unicode.Scalar? {
        if pos < endPos {
            let c = src[pos]
            pos += 1
            return c
        }
        return nil
    }

    @inline(__always) mutating func backup(_ c: Unicode.Scalar?) {
        if c != nil { pos -= 1 }
    }

    mutating func failAtCursor(_ message: String) {
        fail(message, column: col, endColumn: col)
    }

    static func isPotentialIdentifierChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 || (v >= 48 && v <= 57) || v >= 128
    }

    /// CPython's `verify_end_of_number`: `c` has just been consumed.
    mutating func verifyEnd(_ c: Unicode.Scalar?, _ kind: String) -> Bool {
        guard let c else { return true }
        func lookahead(_ s: String) -> Bool {
            var i = 0
            for ch in s.unicodeScalars {
                if peek(i) != ch { return false }
                i += 1
            }
            return true
        }
        var r = false
        switch c {
        case "a": r = lookahead("nd")
        case "e": r = lookahead("lse")
        case "f": r = lookahead("or")
        case "i": r = peek() == "f" || peek() == "n" || peek() == "s"
        case "o": r = lookahead("r")
        case "n": r = lookahead("ot")
        default: break
        }
        if r { return true }
        if Lexer.isPotentialIdentifierChar(c) {
            backup(c)
            failAtCursor("invalid \(kind) literal")
            return false
        }
        return true
    }

    /// CPython's `tok_decimal_tail`: reads further digits (with single
    /// underscores); leaves the first non-digit in `c`. False on error.
    mutating func decimalTail(_ c: inout Unicode.Scalar?) -> Bool {
        while true {
            repeat { c = nextc() } while Lexer.isDigit(c)
            if c != "_" { return true }
            c = nextc()
            if !Lexer.isDigit(c) {
                backup(c)
                failAtCursor("invalid decimal literal")
                return false
            }
        }
    }

    mutating func lexNumber(start: Int, startCol: Int) {
        let startLine = line
        enum State { case fraction, exponent, imaginary, endDecimal, done }
        var state: State
        var c = nextc()
        if c == "." {
            c = nextc()
            state = .fraction
        } else if c == "0" {
            c = nextc()
            if c == "x" || c == "X" || c == "o" || c == "O" || c == "b" || c == "B" {
                let lower = c!.value | 0x20
                let kind = lower == 120 ? "hexadecimal" : lower == 111 ? "octal" : "binary"
                func ok(_ c: Unicode.Scalar?) -> Bool {
                    guard let c else { return false }
                    switch lower {
                    case 120: return Lexer.isHexDigit(c)
                    case 111: return c.value >= 48 && c.value <= 55
                    default: return c == "0" || c == "1"
                    }
                }
                c = nextc()
                repeat {
                    if c == "_" { c = nextc() }
                    if !ok(c) {
                        if lower != 120, Lexer.isDigit(c) {
                            failAtCursor("invalid digit '\(Character(c!))' in \(kind) literal")
                            return
                        }
                        backup(c)
                        failAtCursor("invalid \(kind) literal")
                        return
                    }
                    repeat { c = nextc() } while ok(c)
                } while c == "_"
                if lower != 120, Lexer.isDigit(c) {
                    failAtCursor("invalid digit '\(Character(c!))' in \(kind) literal")
                    return
                }
                if !verifyEnd(c, kind) { return }
                state = .done
            } else {
                var nonzero = false
                while true {
                    if c == "_" {
                        c = nextc()
                        if !Lexer.isDigit(c) {
                            backup(c)
                            failAtCursor("invalid decimal literal")
                            return
                        }
                    }
                    if c != "0" { break }
                    c = nextc()
                }
                let zerosEnd = pos
                if Lexer.isDigit(c) {
                    nonzero = true
                    if !decimalTail(&c) { return }
                }
                if c == "." {
                    c = nextc()
                    state = .fraction
                } else if c == "e" || c == "E" {
                    state = .exponent
                } else if c == "j" || c == "J" {
                    state = .imaginary
                } else if nonzero {
                    backup(c)
                    fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                         column: startCol + 1, endColumn: zerosEnd - lineStart)
                    return
                } else {
                    state = .endDecimal
                }
            }
        } else {
            if !decimalTail(&c) { return }
            if c == "." {
                c = nextc()
                state = .fraction
            } else if c == "e" || c == "E" {
                state = .exponent
            } else if c == "j" || c == "J" {
                state = .imaginary
            } else {
                state = .endDecimal
            }
        }
        loop: while true {
            switch state {
            case .fraction:
                if Lexer.isDigit(c) {
                    if !decimalTail(&c) { return }
                }
                if c == "e" || c == "E" { state = .exponent }
                else if c == "j" || c == "J" { state = .imaginary }
                else { state = .endDecimal }
            case .exponent:
                let e = c
                c = nextc()
                if c == "+" || c == "-" {
                    c = nextc()
                    if !Lexer.isDigit(c) {
                        backup(c)
                        failAtCursor("invalid decimal literal")
                        return
                    }
                } else if !Lexer.isDigit(c) {
                    backup(c)
                    if !verifyEnd(e, "decimal") { return }
                    backup(e)
                    emit(.number, source.string(start, pos), start: start, startLine: startLine, startCol: startCol)
                    return
                }
                if !decimalTail(&c) { return }
                state = (c == "j" || c == "J") ? .imaginary : .endDecimal
            case .imaginary:
                c = nextc()
                if !verifyEnd(c, "imaginary") { return }
                state = .done
            case .endDecimal:
                if !verifyEnd(c, "decimal") { return }
                state = .done
            case .done:
                break loop
            }
        }
        backup(c)
        emit(.number, source.string(start, pos), start: start, startLine: startLine, startCol: startCol)
    }
}
