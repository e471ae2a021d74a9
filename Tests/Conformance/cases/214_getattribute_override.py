# A class-defined __getattribute__ replaces the generic lookup; object.__getattribute__ skips it; __getattr__ catches its AttributeError.
class L:
    def __getattribute__(self, name):
        if name == "x":
            return 42
        return object.__getattribute__(self, name)
l = L()
print(l.x)
class M:
    def __init__(self):
        object.__setattr__(self, '_d', {})
    def __setattr__(self, name, v):
        object.__getattribute__(self, '_d')[name] = v
    def __getattribute__(self, name):
        d = object.__getattribute__(self, '_d')
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)
m = M()
m.y = 3
print(m.y)
class N:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("no boom here")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
n = N()
n.z = 1
print(n.z, n.boom, n.other, hasattr(n, "boom"))
class P:
    def __getattribute__(self, name):
        raise AttributeError("custom " + name)
print(hasattr(P(), "q"))
try:
    P().q
except AttributeError as e:
    print(e)
