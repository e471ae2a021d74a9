# Checks set methods and operators (union, intersection, difference, symmetric difference, subsets).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a.union(b)))
print(sorted(a & b), sorted(a.intersection(b)))
print(sorted(a - b), sorted(a.difference(b)), sorted(b - a))
print(sorted(a ^ b), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2}.issubset(a), a >= {1}, a.issuperset({1, 9}))
print({1, 2} < {1, 2}, {1} < {1, 2}, not (a & {9, 10}))
s = set()
s.add(1)
s.add(2)
s.add(1)
print(sorted(s))
s.discard(2)
s.discard(99)
print(sorted(s))
s.update([5, 6], {7})
print(sorted(s))
s.remove(5)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
one = {'only'}
print(one.pop(), one)
c = set(a)
c.discard(1)
print(sorted(c), len(a))
print(sorted(a.union([10, 11])))
x = {1, 2}
x |= {3}
x &= {2, 3}
x -= {3}
print(sorted(x))
print(sorted(frozenset([1, 2]) | {3}), type(frozenset([1]) | {3}).__name__)
