# Checks the permitted hash() and id() properties (never printing raw values).
print(hash(1) == 1, hash(0) == 0, hash(-5) == -5)
print(hash('a') == hash('a'), hash('abc') == hash('ab' + 'c'))
print(hash((1, 2)) == hash((1, 2)), hash(1.0) == hash(1), hash(True) == hash(1))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
x = None
print(id(x) == id(None))
class K:
    pass
k = K()
print(id(k) == id(k), hash(k) == hash(k))
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(hash('x'), int), isinstance(id(a), int))
