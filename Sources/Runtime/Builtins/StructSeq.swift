/// CPython's "struct sequences" (`sys.version_info`, `sys.flags`, `sys.float_info`, `time.struct_time`):
/// read-only tuples whose items also have names. Here they are separate objects wrapping a tuple;
/// indexing, slicing, iteration, `len`, hashing and comparisons (with each other and with tuples)
/// behave like the tuple's, and the repr shows the field names.
public final class PyStructSeq: PyObject, @unchecked Sendable {
    public let tuple: PyTuple
    /// Attributes that are not part of the sequence (`struct_time.tm_zone`, `tm_gmtoff`).
    public let extra: [String: Value]

    public init(type: PyType, items: [Value], extra: [String: Value] = [:]) {
        self.tuple = PyTuple(items)
        self.extra = extra
        super.init(type: type)
    }

    /// Creates a struct-sequence type named `module.name` whose fields are `fields` (in order), plus
    /// attribute-only fields `extraFields`.
    public static func makeType(name: String, module: String, fields: [String], extraFields: [String] = []) -> PyType {
        let t = PyType(builtin: name, base: .object, module: module)
        t.isBaseType = false
        t.constant("n_sequence_fields", .int(fields.count))
        t.constant("n_fields", .int(fields.count + extraFields.count))
        t.constant("_fields", .object(PyTuple(fields.map { .str($0) })))
        for (i, f) in fields.enumerated() {
            t.getter(f) { _, v in try seq(v).tuple.items[i] }
        }
        for f in extraFields {
            t.getter(f) { _, v in try seq(v).extra[f] ?? .none }
        }
        t.method("__repr__") { vm, args in
            let s = try seq(args[0])
            let parts = try zip(fields, s.tuple.items).map { "\($0)=\(try vm.repr($1))" }
            return .str("\(module).\(name)(\(parts.joined(separator: ", ")))")
        }
        t.method("__len__") { _, args in .int(try seq(args[0]).tuple.items.count) }
        t.method("__getitem__") { vm, args in
            try args.check("__getitem__", min: 2, max: 2)
            return try vm.getItem(.object(try seq(args[0]).tuple), args[1])
        }
        t.method("__iter__") { vm, args in try vm.iter(.object(try seq(args[0]).tuple)) }
        t.method("__contains__") { vm, args in
            .bool(try vm.contains(.object(try seq(args[0]).tuple), args[1]))
        }
        t.method("__hash__") { vm, args in .int(try vm.hash(.object(try seq(args[0]).tuple))) }
        t.method("count") { vm, args in
            try vm.call(try vm.getAttr(.object(try seq(args[0]).tuple), "count"), args.dropFirst())
        }
        t.method("index") { vm, args in
            try vm.call(try vm.getAttr(.object(try seq(args[0]).tuple), "index"), args.dropFirst())
        }
        let ops: [(String, ComparisonOperatorKind)] = [("__eq__", .eq), ("__ne__", .ne), ("__lt__", .lt),
                                                      ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge)]
        for (n, op) in ops {
            t.method(n) { vm, args in
                try args.check(n, min: 2, max: 2)
                let a = try seq(args[0]).tuple
                let other: PyTuple
                switch args[1].asObject {
                case let s as PyStructSeq: other = s.tuple
                case let u as PyTuple: other = u
                default: return .object(PyNotImplemented.shared)
                }
                return try vm.compare(.object(a), .object(other), op)
            }
        }
        return t
    }

    private static func seq(_ v: Value) throws -> PyStructSeq {
        guard case .object(let o) = v, let s = o as? PyStructSeq else {
            throw PyError.type("descriptor requires a struct sequence, not '\(v.typeName)'")
        }
        return s
    }
}
