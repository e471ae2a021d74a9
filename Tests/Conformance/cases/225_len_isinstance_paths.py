# len() of the builtin containers and isinstance() against plain classes are answered with their
# arguments read in place; everything else (tuples, __len__, errors) as before.

class Base:
    pass


class Child(Base):
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


values = [0, True, 2.5, None, "s", [1], (1, 2), {1: 2}, {3}, frozenset([4, 5]), Child(), Base(), Base, 42, b"xy"]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, bool), isinstance(v, object), isinstance(v, Base),
          isinstance(v, (str, list)), isinstance(v, type), isinstance(v, (int, (bytes, Child))))

for c in ["", "héllo", [], [1, 2, 3], (), (1,), {}, {1: 1, 2: 2}, set(), {1, 2, 3}, frozenset([1]), range(7), b"abc",
          Sized(3)]:
    print(type(c).__name__, len(c))

for bad in (5, 2.0, None, Sized(-1), len):
    try:
        print(len(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    len()
except TypeError as e:
    print("TypeError", e)
try:
    len([1], [2])
except TypeError as e:
    print("TypeError", e)
xs = []
for i in range(10):
    xs.append(i)
    if len(xs) % 4 == 0:
        print(len(xs), isinstance(xs, list), isinstance(xs[-1], int))
print(isinstance(int, type), isinstance(Base, type), isinstance(Child(), Child), isinstance(3, (str, (float, int))))
