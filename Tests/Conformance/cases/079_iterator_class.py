# Checks classes implementing __iter__ and __next__, used by for, list, sum and next.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
for n in Countdown(3):
    print(n)
print(list(Countdown(5)))
print(sum(Countdown(4)))
it = Countdown(2)
print(next(it), next(it), next(it, 'exhausted'))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(3)
print(list(r), list(r))
print([x + 1 for x in r])
print(max(r), 4 in r, 5 in r)
a, b, c = Range2(3)
print(a, b, c)
i = iter(r)
print(next(i), next(i))
class GenIter:
    def __iter__(self):
        yield 'x'
        yield 'y'
print(list(GenIter()), sorted(GenIter(), reverse=True))
