# Checks infinite generators consumed with next() and break.
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
for n in naturals():
    if n > 5:
        break
    print(n, end=' ')
print()
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
p = primes()
print([next(p) for _ in range(10)])
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, (x * x for x in naturals())))
def cycle(seq):
    while True:
        for x in seq:
            yield x
c = cycle('ab')
print(''.join(next(c) for _ in range(7)))
big = fib()
for v in big:
    if v > 10 ** 20:
        print('first fib over 1e20:', v)
        break
