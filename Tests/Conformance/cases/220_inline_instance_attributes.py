# Instance attributes kept inline (per-class shared keys, a __dict__ made only when asked for):
# insertion order, deletion, the dict staying the one storage once made, more names than the inline
# slots, computed names, method shadowing, deep chains, and threads sharing instances.
import threading


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


p = P(1, 2)
q = P(3, 4)
q.c = 5                      # a third name, for q only
print(p.total(), q.total(), hasattr(p, "c"), q.c)
print(vars(p), vars(q))

# Insertion order is the instance's own, not the class's key order.
r = P.__new__(P)
r.b = "b first"
r.a = "a second"
print(list(vars(r)), r.total())

# Deleting, then setting again, moves the name to the end (as in a dict).
s = P(10, 20)
s.z = 30
del s.a
print(list(vars(s)), hasattr(s, "a"))
s.a = 11
print(list(vars(s)), s.total())
try:
    del s.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.nope
except AttributeError as e:
    print("AttributeError:", e)

# Once __dict__ exists it is the storage: changes either way are seen both ways.
t = P(1, 1)
d = t.__dict__
print(d is t.__dict__, vars(t) is d)
d["a"] = 100
t.b = 200
d["new"] = "via dict"
print(t.a, t.total(), t.new, d)
del t.new
print("new" in d, d)
d.clear()
print(hasattr(t, "a"), vars(t))
t.a = 7
print(d, t.a)
d[42] = "int key"
print(vars(t))
d.update(a=1, b=2)
print(t.total(), sorted(k for k in d if isinstance(k, str)))


# More names than an instance keeps inline, on one instance and across instances of one class.
class Wide:
    pass


w = Wide()
for i in range(12):
    setattr(w, "f%d" % i, i * i)
print(list(vars(w)) == ["f%d" % i for i in range(12)], w.f0, w.f7, w.f11, getattr(w, "f9"))
others = [Wide() for _ in range(3)]
for k, o in enumerate(others):
    o.f3 = k
    setattr(o, "g%d" % k, -k)
    o.f11 = k * 10
print([vars(o) for o in others])
del w.f5
print(len(vars(w)), hasattr(w, "f5"), "f5" in dir(w), "f6" in dir(w))

# Computed (not interned) names find the same attributes as literal ones.
name = "".join(["to", "tal", "ly"])
setattr(p, name, 99)
print(p.totally, getattr(p, "tot" + "ally"), hasattr(p, "totally"), "totally" in vars(p))
delattr(p, "total" + "ly")
print(hasattr(p, "totally"), vars(p))


# An instance attribute shadows a method of the same name; deleting it uncovers the method.
class M:
    def hello(self):
        return "method"


m = M()
print(m.hello())
m.hello = lambda: "instance attribute"
print(m.hello())
del m.hello
print(m.hello())


# Class attributes and properties still win or lose as before.
class C:
    kind = "class"

    @property
    def prop(self):
        return "property"


c = C()
print(c.kind, c.prop)
c.kind = "instance"
print(c.kind, C.kind, vars(c))
try:
    c.prop = 1
except AttributeError as e:
    print("AttributeError:", e)


# A long chain of instances is freed without deep recursion.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt


head = None
for i in range(200000):
    head = Node(head)
n = 0
x = head
while x is not None:
    n += 1
    x = x.nxt
print(n)
head = x = None
print("freed")


# Threads share instances: each sets its own names (more than fit inline, so one of them makes the
# dict while others are storing), and all read a shared counter object.
class Shared:
    pass


shared = Shared()
lock = threading.Lock()
shared.count = 0


def work(k):
    for i in range(6):
        setattr(shared, "t%d_%d" % (k, i), k * 100 + i)
    for _ in range(2000):
        with lock:
            shared.count += 1
    for i in range(200):
        v = Vec2(i, k)
        v.x += 1
        assert v.x == i + 1 and v.y == k


class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
attrs = vars(shared)
print(shared.count, len(attrs), sorted(k for k in attrs if k != "count") == sorted(
    "t%d_%d" % (k, i) for k in range(4) for i in range(6)), sum(v for k, v in attrs.items() if k != "count"))
