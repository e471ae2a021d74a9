# Checks iter() and next() on builtins and custom classes, including next defaults.
it = iter([10, 20, 30])
print(next(it))
print(list(it))
print(next(it, 'none left'))
s = iter('ab')
print(next(s), next(s), next(s, None))
d = iter({'x': 1, 'y': 2})
print(list(d))
t = iter((1, 2))
print(iter(t) is t)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(iter(c) is c, next(c), list(c), next(c, 'done'))
class Seq:
    def __iter__(self):
        return iter([7, 8, 9])
print(list(Seq()), 8 in Seq(), sorted(Seq(), reverse=True))
r = iter(range(3))
print(next(r), next(r), next(r), next(r, -1))
e = iter(enumerate('q'))
print(next(e))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
