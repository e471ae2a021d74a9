# `local.a.b` reads (self.pos.x): the intermediate object is read where it is stored. Every shape
# that must take the ordinary path instead: a dict made for the owner, a missing or non-object
# intermediate, class attributes, properties and __getattr__ on either object, modules.
import math


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Body:
    unit = Vec(1, 1)             # a class attribute: never an inline slot

    def __init__(self, x, y):
        self.pos = Vec(x, y)
        self.n = 7

    @property
    def mirrored(self):
        return Vec(-self.pos.x, -self.pos.y)

    def read(self):
        return self.pos.x, self.pos.y, self.unit.x, self.mirrored.x, self.n.real


b = Body(3, 4)
print(b.read(), b.pos.x + b.pos.y)
vars(b)                          # the owner now has a dict: the chain reads through it
b.pos = Vec(5, 6)
print(b.read(), b.pos.x * b.pos.y)


def chain(o):
    return o.pos.x


# The intermediate changes between calls; the last reference to the old one goes in between.
c = Body(1, 2)
seen = []
for i in range(5):
    c.pos = Vec(i, i * i)
    seen.append(chain(c))
print(seen)


# Missing attributes, at either step, raise the same errors as before.
class Empty:
    pass


e = Empty()
try:
    chain(e)
except AttributeError as err:
    print("AttributeError:", err)
e.pos = Empty()
try:
    chain(e)
except AttributeError as err:
    print("AttributeError:", err)
e.pos = 12
try:
    chain(e)
except AttributeError as err:
    print("AttributeError:", err)
e.pos = Vec(8, 9)
print(chain(e))
del e.pos
try:
    chain(e)
except AttributeError as err:
    print("AttributeError:", err)


# __getattr__ and properties on the inner object, a module as the intermediate.
class Lazy:
    def __getattr__(self, name):
        return "computed " + name


class Prop:
    @property
    def x(self):
        return "property x"


class Holder:
    def __init__(self, inner):
        self.pos = inner
        self.mod = math


print(chain(Holder(Lazy())), chain(Holder(Prop())))
h = Holder(Vec(0, 0))
print(h.mod.pi > 3, chain(h))


# An inner value that is an int or a string: its attributes are the type's.
class Box:
    def __init__(self, v):
        self.pos = v


class IntLike:
    def __init__(self):
        self.x = 5


print(chain(Box(IntLike())))
try:
    chain(Box("text"))
except AttributeError as err:
    print("AttributeError:", err)
