# Checks derived/reflected comparison dunders: __ne__ from __eq__, > via reflected __lt__.
class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('eq called')
        return self.v == other.v
    def __lt__(self, other):
        print('lt called', self.v, other.v)
        return self.v < other.v
a, b = N(1), N(2)
print(a != b)
print(a == N(1))
print(b > a)
print(a < b)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if not isinstance(other, OnlyEq):
            return NotImplemented
        return self.v == other.v
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) == 1, OnlyEq(1) != 'x')
print([OnlyEq(2)].count(OnlyEq(2)), OnlyEq(3) in [OnlyEq(3)])
