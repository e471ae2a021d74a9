# Checks arithmetic dunder methods including reflected versions and NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print('radd with', other)
        return self.__add__(other)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __repr__(self):
        return 'Vec(' + str(self.x) + ', ' + str(self.y) + ')'
a = Vec(1, 2)
b = Vec(10, 20)
print(a + b, b - a, a * 3, 3 * a, -a)
print(a + 1, 1 + a)
print(sum([a, b, Vec(100, 100)], Vec(0, 0)))
print(sum([a, b]))
print(a + b == Vec(11, 22))
c = a
c += b
print(c, a)
try:
    a + 'str'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'str' + a
except TypeError as e:
    print(type(e).__name__, e)
