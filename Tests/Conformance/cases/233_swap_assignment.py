# `a, b = b, a` style assignments (two or three items each side) are compiled to a SWAP, without a
# tuple: every value must still be computed before any target is stored, in CPython's order.
log = []


def v(name, value):
    log.append("value " + name)
    return value


class Box:
    def __init__(self):
        self.x, self.y = 1, 2

    def __setattr__(self, name, value):
        log.append("store " + name)
        object.__setattr__(self, name, value)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def rotate(x, y, z):
    x, y, z = y, z, x
    return x, y, z


print(fib(30), rotate(1, 2, 3))
a, b = v("a", 1), v("b", 2)
a, b = b, a
print(a, b, log)
log.clear()
box = Box()
box.x, box.y = v("y", box.y), v("x", box.x)
print(box.x, box.y, log)
items = [10, 20, 30]
items[0], items[2] = items[2], items[0]
print(items)
[p, q] = q2, p2 = 5, 6
print(p, q, q2, p2)
(m, n), o = (1, 2), 3
print(m, n, o)
i = 0
i, items[i] = 2, 99
print(i, items)
try:
    c, d = 1, undefined_name
except NameError as e:
    print("NameError:", e)
try:
    e1, e2 = 1, 2, 3
except ValueError as e:
    print("ValueError:", e)
s, *rest = 1, 2, 3
print(s, rest)
x = y = 4
print(x, y)
