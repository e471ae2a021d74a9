import Foundation

/// Small terminal facts the annotated views need: whether to colour, and the ANSI codes they use.
public enum Terminal {
    /// True when `fd` is a terminal and the `NO_COLOR` environment variable is unset (https://no-color.org).
    public static func colourEnabled(fd: Int32 = 1,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fd) != 0
    }

    /// Columns of the terminal on `fd`; else `$COLUMNS`; else 80 (pipes, files). Clamped to 40…400.
    public static func width(fd: Int32 = 1,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(400, max(40, Int(size.ws_col)))
        }
        if let c = environment["COLUMNS"].flatMap(Int.init), c > 0 { return min(400, max(40, c)) }
        return 80
    }

    /// ANSI SGR sequences.
    public enum ANSI {
        public static let reset = "\u{1B}[0m"
        public static let bold = "\u{1B}[1m"
        public static let dim = "\u{1B}[2m"
        public static let italic = "\u{1B}[3m"
        public static let red = "\u{1B}[31m"
        public static let green = "\u{1B}[32m"
        public static let yellow = "\u{1B}[33m"
        public static let cyan = "\u{1B}[36m"
    }

    /// Foreground colours threads are drawn in (distinct on dark and light backgrounds).
    static let threadPalette: [String] = [
        "\u{1B}[36m",        // cyan
        "\u{1B}[33m",        // yellow
        "\u{1B}[35m",        // magenta
        "\u{1B}[32m",        // green
        "\u{1B}[34m",        // blue
        "\u{1B}[31m",        // red
        "\u{1B}[38;5;208m",  // orange
        "\u{1B}[38;5;141m",  // violet
        "\u{1B}[38;5;37m",   // teal
        "\u{1B}[38;5;167m",  // brick
    ]

    /// A colour for a thread name that is the same in every run (FNV-1a of the name; `MainThread` is
    /// always the first palette colour).
    public static func colour(forThread name: String) -> String {
        if name == "MainThread" { return threadPalette[0] }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return threadPalette[1 + Int(h % UInt64(threadPalette.count - 1))]
    }

    /// The number of terminal columns `s` takes, ignoring ANSI escapes; East Asian wide characters
    /// (CJK, fullwidth forms) count two.
    public static func displayWidth(_ s: String) -> Int {
        var width = 0
        var inEscape = false
        for u in s.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(u.value) && u != "[" { inEscape = false }
                continue
            }
            if u == "\u{1B}" { inEscape = true; continue }
            width += scalarWidth(u)
        }
        return width
    }

    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
