# Instance attribute reads and writes go through a per-thread cache of (class, name) -> inline slot in
# the engine. These cases change what that cache depends on while the same code keeps running.

class A:
    def __init__(self):
        self.x = 1
        self.y = 2

class B:
    def __init__(self):
        self.y = 20
        self.x = 10

class C(A):
    def __init__(self):
        self.z = 300
        super().__init__()

def read_x(o):
    return o.x

def read_xy(o):
    return o.x, o.y

def write_x(o, v):
    o.x = v

objs = [A(), B(), C(), A(), B()]
for round in range(3):
    print([read_x(o) for o in objs], [read_xy(o) for o in objs])
    for i, o in enumerate(objs):
        write_x(o, round * 100 + i)
print([vars(o) for o in objs])

# A class attribute of the same name does not shadow the instance's; a property (data descriptor) does.
a = A()
print(read_x(a))
A.x = "class attribute"
print(read_x(a), A.x)
A.x = property(lambda self: "property", lambda self, v: print("setter", v))
print(read_x(a), read_x(C()))
write_x(a, 5)
del A.x
print(read_x(a), a.__dict__)

# Attributes present on some instances only; deleted and set again (it goes last in __dict__).
p, q = A(), A()
del q.x
for o in (p, q):
    try:
        print(read_x(o))
    except AttributeError as e:
        print("AttributeError:", e)
q.x = "again"
print(read_x(q), list(vars(q)))

# An instance whose attributes moved into a real dict (vars(), more names than inline room).
m = A()
d = vars(m)
d["x"] = "through the dict"
print(read_x(m))
write_x(m, "written")
print(d["x"], read_x(m))
big = B()
for k in range(20):
    setattr(big, "a%d" % k, k)
write_x(big, "big")
print(read_x(big), big.a19, len(vars(big)))

# __getattr__ (only for missing names) and __getattribute__/__setattr__ added to a class later.
class G:
    def __init__(self):
        self.x = "plain"

g = G()
print(read_x(g))
G.__getattr__ = lambda self, name: "fallback " + name
print(read_x(g), g.missing)
G.__getattribute__ = lambda self, name: "intercepted " + name
print(read_x(g))
del G.__getattribute__
print(read_x(g))
G.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 2)
write_x(g, "ab")
print(read_x(g))

# Chains: self.pos.x where the intermediate changes class and representation.
class Vec:
    def __init__(self, x):
        self.x = x

class Holder:
    def __init__(self, pos):
        self.pos = pos
    def px(self):
        return self.pos.x

h = Holder(Vec(1))
out = [h.px()]
h.pos = A()
out.append(h.px())
h.pos = Vec(3)
vars(h)
out.append(h.px())
h.pos = Holder(None)
try:
    out.append(h.px())
except AttributeError as e:
    out.append(str(e))
print(out)

# Threads reading and writing the same attributes through the same code.
import threading

class Counter:
    def __init__(self):
        self.n = 0
        self.tag = "t"

c = Counter()
lock = threading.Lock()

def work():
    for _ in range(2000):
        with lock:
            c.n = c.n + 1
        assert c.tag == "t"

ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(c.n, c.tag)
