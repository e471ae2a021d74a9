# Checks yield from delegation to iterables and sub-generators, including return values.
def inner():
    yield 1
    yield 2
    return 'inner done'
def outer():
    result = yield from inner()
    print('inner returned', result)
    yield 3
print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(3), (9,))))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def count_to(n):
    i = 0
    while i < n:
        i += 1
        yield i
    return n * 10
def collector():
    total = 0
    for n in [2, 3]:
        total += yield from count_to(n)
    yield 'total ' + str(total)
print(list(collector()))
def tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    yield 'node' + str(depth)
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
