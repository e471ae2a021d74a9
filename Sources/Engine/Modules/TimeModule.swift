import Foundation
import Runtime

/// The `time` module: clocks, an interruptible `sleep` that releases the GIL, and the struct_time
/// conversions (localtime, gmtime, mktime, strftime, asctime, ctime).
public enum TimeModule {
    static let structTimeType = PyStructSeq.makeType(name: "struct_time", module: "time",
        fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
        extraFields: ["tm_zone", "tm_gmtoff"])

    /// The longest stretch `sleep` waits before checking for Ctrl-C or an abort.
    static let sleepSlice = 0.05

    public static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "time")
        m.dict.setStr("struct_time", .object(structTimeType))
        clock("time", CLOCK_REALTIME, into: m)
        clock("monotonic", CLOCK_MONOTONIC, into: m)
        clock("perf_counter", CLOCK_MONOTONIC, into: m)
        clock("process_time", CLOCK_PROCESS_CPUTIME_ID, into: m)
        clock("thread_time", CLOCK_THREAD_CPUTIME_ID, into: m)
        m.defineFunction("sleep") { vm, args in
            try args.check("time.sleep", min: 1, max: 1)
            try sleep(vm, args[0])
            return .none
        }
        m.defineFunction("localtime") { vm, args in
            try args.check("localtime", min: 0, max: 1)
            return try structTime(seconds(vm, args.first), local: true)
        }
        m.defineFunction("gmtime") { vm, args in
            try args.check("gmtime", min: 0, max: 1)
            return try structTime(seconds(vm, args.first), local: false)
        }
        m.defineFunction("mktime") { vm, args in
            try args.check("mktime", min: 1, max: 1)
            var t = try makeTM(vm, args[0], "mktime")
            t.tm_wday = -1
            let r = Foundation.mktime(&t)
            if r == -1 && t.tm_wday == -1 { throw PyError.overflow("mktime argument out of range") }
            return .float(Double(r))
        }
        m.defineFunction("strftime") { vm, args in
            try args.check("strftime", min: 1, max: 2)
            guard case .object(let o) = args[0], let fmt = o as? PyStr else {
                throw PyError.type("strftime() argument 1 must be str, not \(args[0].typeName)")
            }
            var t = args.count == 2 ? try makeTM(vm, args[1], "strftime") : localTM(time(nil))
            return .str(format(fmt.value, &t))
        }
        m.defineFunction("asctime") { vm, args in
            try args.check("asctime", min: 0, max: 1)
            var t = args.count == 1 ? try makeTM(vm, args[0], "asctime") : localTM(time(nil))
            return .str(asctime(&t))
        }
        m.defineFunction("ctime") { vm, args in
            try args.check("ctime", min: 0, max: 1)
            var t = localTM(time_t(try seconds(vm, args.first).rounded(.down)))
            return .str(asctime(&t))
        }
        installTimezone(m)
        return m
    }

    /// `timezone`, `altzone`, `daylight`, `tzname` from the January and July offsets, as CPython's
    /// `init_timezone` computes them.
    private static func installTimezone(_ m: PyModule) {
        tzset()
        let year = time_t((365 * 24 + 6) * 3600)
        let t = (time(nil) / year) * year
        let jan = localTM(t), jul = localTM(t + year / 2)
        let janZone = -Int(jan.tm_gmtoff), julZone = -Int(jul.tm_gmtoff)
        let janName = jan.tm_zone.map { String(cString: $0) } ?? ""
        let julName = jul.tm_zone.map { String(cString: $0) } ?? ""
        let (zone, alt, names) = janZone < julZone ? (julZone, janZone, [julName, janName]) : (janZone, julZone, [janName, julName])
        m.dict.setStr("timezone", .int(zone))
        m.dict.setStr("altzone", .int(alt))
        m.dict.setStr("daylight", .int(janZone != julZone ? 1 : 0))
        m.dict.setStr("tzname", .object(PyTuple(names.map { .str($0) })))
    }

    // MARK: clocks

    static func now(_ clock: clockid_t) -> timespec {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return ts
    }

    private static func clock(_ name: String, _ id: clockid_t, into m: PyModule) {
        m.defineFunction(name) { _, args in
            try args.check(name, min: 0, max: 0)
            let ts = now(id)
            return .float(Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9)
        }
        m.defineFunction(name + "_ns") { _, args in
            try args.check(name + "_ns", min: 0, max: 0)
            let ts = now(id)
            return .int(Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec))
        }
    }

    // MARK: sleep

    /// `time.sleep(secs)`: waits in slices of at most 50 ms with the GIL released, checking between
    /// slices for Ctrl-C and demo aborts (which end the sleep with their exception).
    public static func sleep(_ vm: VM, _ arg: Value) throws {
        let secs: Double
        let shown: String
        switch arg {
        case .float(let d):
            secs = d
            shown = BuiltinNumerics.floatRepr(d)
        default:
            secs = try BuiltinNumerics.toDouble(vm, .integer(try BuiltinNumerics.indexBig(vm, arg)))
            shown = try vm.str(arg)
        }
        if secs.isNaN { throw PyError.value("Invalid value NaN (not a number)") }
        if secs < 0 { throw PyError.value("sleep length must be non-negative") }
        vm.emit(.sleep, detail: "\(shown) s")
        defer { vm.emit(.sleepDone) }
        if secs == 0 {
            vm.allowThreads { _ = sched_yield() }
            try vm.checkInterrupts()
            return
        }
        let start = now(CLOCK_MONOTONIC)
        let deadline = Double(start.tv_sec) + Double(start.tv_nsec) * 1e-9 + secs
        while true {
            let t = now(CLOCK_MONOTONIC)
            let remaining = deadline - (Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9)
            if remaining <= 0 { break }
            let slice = min(remaining, sleepSlice)
            vm.allowThreads {
                var req = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
                var rem = timespec()
                while nanosleep(&req, &rem) == -1 && errno == EINTR { req = rem }
            }
            try vm.checkInterrupts()
        }
    }

    // MARK: struct_time

    private static func seconds(_ vm: VM, _ v: Value?) throws -> Double {
        guard let v = v, !v.isNone else {
            let ts = now(CLOCK_REALTIME)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        }
        if case .float(let d) = v {
            if d.isNaN { throw PyError.value("Invalid value NaN (not a number)") }
            return d
        }
        return try BuiltinNumerics.toDouble(vm, .integer(try BuiltinNumerics.indexBig(vm, v)))
    }

    private static func localTM(_ t: time_t) -> tm {
        var t = t
        var out = tm()
        localtime_r(&t, &out)
        return out
    }

    private static func structTime(_ secs: Double, local: Bool) throws -> Value {
        guard secs.isFinite, abs(secs) < 1e17 else { throw PyError.overflow("timestamp out of range for platform time_t") }
        var t = time_t(secs.rounded(.down))
        var out = tm()
        if local { localtime_r(&t, &out) } else { gmtime_r(&t, &out) }
        return structTime(out)
    }

    static func structTime(_ t: tm) -> Value {
        let items: [Value] = [Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min),
                              Int(t.tm_sec), (Int(t.tm_wday) + 6) % 7, Int(t.tm_yday) + 1, Int(t.tm_isdst)].map { .int($0) }
        let zone: Value = t.tm_zone.map { .str(String(cString: $0)) } ?? .none
        return .object(PyStructSeq(type: structTimeType, items: items,
                                   extra: ["tm_zone": zone, "tm_gmtoff": .int(Int(t.tm_gmtoff))]))
    }

    /// A C `struct tm` from a struct_time or 9-tuple.
    private static func makeTM(_ vm: VM, _ v: Value, _ fname: String) throws -> tm {
        let items: [Value]
        switch v.asObject {
        case let s as PyStructSeq: items = s.tuple.items
        case let t as PyTuple: items = t.items
        default: throw PyError.type("Tuple or struct_time argument required")
        }
        guard items.count == 9 else {
            throw PyError.type("\(fname)(): illegal time tuple argument")
        }
        let n = try items.map { try vm.index($0) }
        var t = Foundation.tm()
        t.tm_year = Int32(n[0] - 1900); t.tm_mon = Int32(n[1] - 1); t.tm_mday = Int32(n[2])
        t.tm_hour = Int32(n[3]); t.tm_min = Int32(n[4]); t.tm_sec = Int32(n[5])
        t.tm_wday = Int32((n[6] + 1) % 7); t.tm_yday = Int32(n[7] - 1); t.tm_isdst = Int32(n[8])
        if fname == "strftime" || fname == "asctime" {
            if n[1] == 0 { t.tm_mon = 0 } else if n[1] < 1 || n[1] > 12 { throw PyError.value("month out of range") }
            if n[2] == 0 { t.tm_mday = 1 } else if n[2] < 1 || n[2] > 31 { throw PyError.value("day of month out of range") }
            if n[3] < 0 || n[3] > 23 { throw PyError.value("hour out of range") }
            if n[4] < 0 || n[4] > 59 { throw PyError.value("minute out of range") }
            if n[5] < 0 || n[5] > 61 { throw PyError.value("seconds out of range") }
            if n[6] < 0 { throw PyError.value("day of week out of range") }
            if n[7] == 0 { t.tm_yday = 0 } else if n[7] < 1 || n[7] > 366 { throw PyError.value("day of year out of range") }
        }
        return t
    }

    private static func format(_ fmt: String, _ t: inout tm) -> String {
        if fmt.isEmpty { return "" }
        var size = 256
        while size <= 1 << 20 {
            var buf = [CChar](repeating: 0, count: size)
            let n = strftime(&buf, size, fmt, &t)
            if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            size *= 4
        }
        return ""
    }

    private static func asctime(_ t: inout tm) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let day = t.tm_mday < 10 ? " \(t.tm_mday)" : "\(t.tm_mday)"
        return "\(days[Int(t.tm_wday) % 7]) \(months[Int(t.tm_mon) % 12]) \(day) \(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) \(Int(t.tm_year) + 1900)"
    }
}
