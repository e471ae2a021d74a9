# Checks an uncaught StopIteration from next() on an exhausted iterator.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, 'default instead of error'))
try:
    next(it)
except StopIteration:
    print('caught StopIteration')
print('calling next without a default')
print(next(it))
