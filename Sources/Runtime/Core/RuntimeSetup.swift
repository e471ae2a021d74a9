/// Fills the builtin types' method tables once per process. Each `install…` function lives next to the
/// type it implements.
public enum RuntimeSetup {
    private static let once: Void = {
        Value.verifyRawLayout()
        Value.immortalBits = Immortal.pattern ?? 0
        SmallString.configure()
        PyType.fixUntypedDicts()
        installCoreTypes()        // object, type, function, method, property, classmethod, staticmethod, super, generator
        installNumberTypes()      // int, bool, float
        installStrType()
        installBytesType()
        installListType()
        installTupleType()
        installDictType()
        installSetTypes()         // set, frozenset
        installRangeSliceTypes()  // range, slice
        installIteratorTypes()    // iterators, dict views, enumerate/zip/map/filter/reversed
        installExceptionTypes()
    }()

    public static func installOnce() { _ = once }
}
