# Checks set and frozenset literals, operations, membership (printed sorted).
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s))
s.add(5)
s.add(1)
print(sorted(s))
print(2 in s, 9 in s)
e = set()
print(e, len(e), type(e).__name__)
fs = frozenset([1, 2, 2, 3])
print(sorted(fs), len(fs), type(fs).__name__)
print(sorted(set('mississippi')))
print({1, 2} == {2, 1}, frozenset([1]) == {1})
t = {fs: 'frozen key'}
print(t[frozenset([3, 2, 1])])
words = {'pear', 'apple', 'fig'}
print(sorted(words))
print(sorted({x % 3 for x in range(10)}))
try:
    fs.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(set([1, 2]) | frozenset([3])))
