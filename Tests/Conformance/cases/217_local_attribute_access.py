# Attribute reads and writes on local variables (the VM fuses LOAD_FAST with LOAD_ATTR/STORE_ATTR):
# plain instance attributes, class attributes, properties, __getattr__, a jump landing on the
# attribute instruction, unbound locals and missing attributes.
class P:
    kind = "class attr"

    def __init__(self, x):
        self.x = x
        self._y = 0

    @property
    def y(self):
        return self._y * 10

    @y.setter
    def y(self, v):
        self._y = v + 1


class G:
    def __getattr__(self, name):
        return "dynamic " + name


def reads(p, g, flag):
    a = p.x
    b = p.kind
    p.y = 4
    c = p.y
    d = g.anything
    q = P(7)
    e = (p if flag else q).x
    f = (p if not flag else q).x
    return a, b, c, d, e, f


def writes():
    p = P(1)
    p.x = p.x + 1
    p.z = [p.x]
    p.z.append(3)
    p.kind = "instance attr"
    return p.x, p.z, p.kind, P.kind, sorted(vars(p))


def unbound():
    try:
        o.x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        print(o.x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    o = P(2)
    del o
    try:
        print(o.x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def missing(p):
    try:
        return p.nope
    except AttributeError as e:
        return "AttributeError: " + str(e)


def loop():
    p = P(0)
    for i in range(1000):
        p.x = p.x + i
    return p.x


print(reads(P(5), G(), True))
print(reads(P(6), G(), False))
print(writes())
unbound()
print(missing(P(3)))
print(loop())
p = P(9)
print(p.x, p.y)
