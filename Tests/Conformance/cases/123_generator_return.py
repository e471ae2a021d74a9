# Checks return inside generators (early exit) and return value via StopIteration.value.
def until_negative(seq):
    for x in seq:
        if x < 0:
            return 'stopped at ' + str(x)
        yield x
print(list(until_negative([3, 1, 4, -1, 5])))
g = until_negative([1, -2])
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value:', e.value)
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('generator cleanup')
for v in gen_with_finally():
    print('value', v)
def limited(n):
    count = 0
    while True:
        if count >= n:
            return
        yield count
        count += 1
print(list(limited(4)), list(limited(0)))
def wrapper():
    r = yield from until_negative([9, -9])
    yield r
print(list(wrapper()))
