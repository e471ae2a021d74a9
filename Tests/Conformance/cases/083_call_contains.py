# Checks __call__ making instances callable and __contains__ for `in`.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x):
        return x * self.factor
triple = Multiplier(3)
print(triple(5), triple('ab'))
print(callable(triple), callable(Multiplier))
print(list(map(triple, [1, 2, 3])))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, *args, **kwargs):
        self.n += 1
        return (args, kwargs)
c = Counter()
print(c(1, k=2))
c()
print(c.n)
class EvenNumbers:
    def __contains__(self, x):
        print('checking', x)
        return isinstance(x, int) and x % 2 == 0
evens = EvenNumbers()
print(4 in evens)
print(5 in evens)
print(7 not in evens)
class Interval:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
    def __contains__(self, x):
        return self.lo <= x <= self.hi
r = Interval(1, 10)
print([v for v in [0, 1, 5, 10, 11] if v in r])
