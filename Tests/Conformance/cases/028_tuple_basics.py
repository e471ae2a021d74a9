# Checks tuple literals, single-element tuples, immutability, and tuple methods.
t = (1, 2, 3)
print(t, len(t))
single = (5,)
print(single, type(single).__name__, len(single))
not_tuple = (5)
print(not_tuple, type(not_tuple).__name__)
empty = ()
print(empty, len(empty))
packed = 1, 'a', None
print(packed)
print(t + (4, 5))
print(t * 2)
print(t[0], t[-1], t[1:])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9))
print(t.count(2), (1, 1, 2, 1).count(1), t.index(3))
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(t[5])
except IndexError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
print(tuple([1, 2]), tuple('hi'), tuple())
nested = ((1, 2), (3, 4))
print(nested[1][0])
print(3 in t, (1, 2) in nested)
print(hash((1, 2)) == hash((1, 2)))
d = {(0, 0): 'origin', (1, 2): 'point'}
print(d[(1, 2)], d[0, 0])
