/// Interned names the runtime looks up on every operation (dunder methods and special attributes).
public enum Names {
    public static let `init` = PyStr.intern("__init__")
    public static let new = PyStr.intern("__new__")
    public static let repr = PyStr.intern("__repr__")
    public static let str = PyStr.intern("__str__")
    public static let hash = PyStr.intern("__hash__")
    public static let eq = PyStr.intern("__eq__")
    public static let ne = PyStr.intern("__ne__")
    public static let lt = PyStr.intern("__lt__")
    public static let le = PyStr.intern("__le__")
    public static let gt = PyStr.intern("__gt__")
    public static let ge = PyStr.intern("__ge__")
    public static let bool = PyStr.intern("__bool__")
    public static let len = PyStr.intern("__len__")
    public static let iter = PyStr.intern("__iter__")
    public static let next = PyStr.intern("__next__")
    public static let getitem = PyStr.intern("__getitem__")
    public static let setitem = PyStr.intern("__setitem__")
    public static let delitem = PyStr.intern("__delitem__")
    public static let contains = PyStr.intern("__contains__")
    public static let call = PyStr.intern("__call__")
    public static let enter = PyStr.intern("__enter__")
    public static let exit = PyStr.intern("__exit__")
    public static let getattr = PyStr.intern("__getattr__")
    public static let getattribute = PyStr.intern("__getattribute__")
    public static let setattr = PyStr.intern("__setattr__")
    public static let delattr = PyStr.intern("__delattr__")
    public static let get = PyStr.intern("__get__")
    public static let set = PyStr.intern("__set__")
    public static let index = PyStr.intern("__index__")
    public static let int = PyStr.intern("__int__")
    public static let float = PyStr.intern("__float__")
    public static let format = PyStr.intern("__format__")
    public static let neg = PyStr.intern("__neg__")
    public static let pos = PyStr.intern("__pos__")
    public static let invert = PyStr.intern("__invert__")
    public static let abs = PyStr.intern("__abs__")
    public static let name = PyStr.intern("__name__")
    public static let qualname = PyStr.intern("__qualname__")
    public static let module = PyStr.intern("__module__")
    public static let doc = PyStr.intern("__doc__")
    public static let dict = PyStr.intern("__dict__")
    public static let classcell = PyStr.intern("__classcell__")
    public static let klass = PyStr.intern("__class__")
    public static let builtins = PyStr.intern("__builtins__")
    public static let reversed = PyStr.intern("__reversed__")
    public static let round = PyStr.intern("__round__")
    public static let initSubclass = PyStr.intern("__init_subclass__")
    public static let setName = PyStr.intern("__set_name__")

    /// `__add__`-style names per binary operator, and their reflected (`__radd__`) and inplace (`__iadd__`) forms.
    public static let binary: [PyStr] = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
                                         "lshift", "rshift", "and", "or", "xor"].map { PyStr.intern("__\($0)__") }
    public static let reflected: [PyStr] = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
                                            "lshift", "rshift", "and", "or", "xor"].map { PyStr.intern("__r\($0)__") }
    public static let inplace: [PyStr] = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
                                          "lshift", "rshift", "and", "or", "xor"].map { PyStr.intern("__i\($0)__") }
}
