# Checks generator exhaustion, StopIteration after the end, and re-iteration yielding nothing.
def three():
    yield 'a'
    yield 'b'
    yield 'c'
g = three()
print(list(g))
print(list(g))
print(next(g, 'exhausted'))
g = three()
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration raised')
ge = (x for x in [1, 2])
print(sum(ge), sum(ge))
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print(type(e).__name__, e)
g = three()
for x in g:
    print('first', x)
    break
for x in g:
    print('rest', x)
