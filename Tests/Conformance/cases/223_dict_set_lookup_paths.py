# Lookups in dicts and sets by every kind of key: the int/str probes compare in place, the others go
# through fast equality or __eq__; `in`, `d[k]` and `d.get` must agree with each other and CPython.

class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        print("  Key.__eq__", self.n, getattr(other, "n", other))
        return isinstance(other, Key) and self.n == other.n or other == self.n


nan = float("nan")
d = {1: "one", "k1": "str", (1, 2): "tuple", 2.5: "float", None: "none", True and 7: "seven", nan: "nan"}
s = set(d)
probes = [1, 1.0, True, "k1", "k" + str(1), (1, 2), (1.0, 2), 2.5, None, 7, nan, "missing", 0, False,
          (1, 3), b"k1", -1, 2 ** 70]
# (A second float("nan") is not probed: floats are values here, so two NaNs with the same bits are
# the same key; in CPython they are distinct objects.)
for k in probes:
    print(repr(k), k in d, k in s, d.get(k), d.get(k, "dflt"), k not in d, k not in s)
    try:
        print("  d[k] =", d[k])
    except KeyError as e:
        print("  KeyError", e)

d[Key(1)] = "key-one"
print(Key(1) in d, d.get(Key(9), "no"), d[Key(1)])
s.add(Key(5))
print(5 in s, Key(5) in s)

for bad in ([1], {1: 2}, {3}):
    for where in (d, s):
        try:
            bad in where
        except TypeError as e:
            print(type(where).__name__, "TypeError", e)
    try:
        d[bad]
    except TypeError as e:
        print("getitem TypeError", e)
    try:
        d.get(bad)
    except TypeError as e:
        print("get TypeError", e)

names = {}
for i in range(3000):
    key = "k" + str(i % 150)
    names[key] = names.get(key, 0) + i
    if key in names and i % 700 == 0:
        print(key, names[key])
print(len(names), sum(names.values()), names["k149"])

big = {i: i * i for i in range(100)}
print(sum(big[i] for i in range(0, 100, 7)), 99 in big, 100 in big, big.get(50), big.get(-1))
fs = frozenset([1, 2, 3])
print(2 in fs, 4 in fs, {fs: 1}.get(frozenset([3, 2, 1])))
s2 = {frozenset([1]), 4}
print({1} in s2, {2} in s2, {1} not in s2)
s2.discard({1})
print(s2)
try:
    s2.remove({9})
except KeyError as e:
    print("KeyError", e)
