# __getattr__'s own AttributeError propagates; property without setter/deleter messages.
class Lazy:
    def __getattr__(self, n):
        if n == "q":
            raise AttributeError("no q")
        return n * 2
l = Lazy()
print(l.ab, hasattr(l, "q"), getattr(l, "q", "dflt"))
try:
    l.q
except AttributeError as e:
    print(e)
class P:
    @property
    def v(self): return 1
p = P()
for op in (lambda: setattr(p, "v", 2), lambda: delattr(p, "v")):
    try:
        op()
    except AttributeError as e:
        print(e)
