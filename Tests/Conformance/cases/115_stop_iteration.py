# Checks StopIteration from next() on exhausted iterators and generators, and next defaults.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(str(e)))
print(next(it, 'default'), next(iter([]), None))
def gen():
    yield 1
    return 'result value'
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value)
try:
    next(g)
except StopIteration as e:
    print('again:', e.value)
d = iter({'a': 1, 'b': 2})
print(next(d), next(d), next(d, 'end'))
s = iter('hi')
print(next(s), next(s), next(s, '-'))
e = StopIteration(42)
print(e.value)
