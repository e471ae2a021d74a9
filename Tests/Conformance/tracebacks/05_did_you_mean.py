# Traceback text: "Did you mean" hints for NameError and AttributeError.
import math
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2
    def length(self): return 0
p = Point()
tests = [lambda: prnt("x"), lambda: p.lenght(), lambda: p.X, lambda: math.sqr(2), lambda: [].apend(1), lambda: Point.lenth, lambda: undefined_zzz]
counter = 5
def f():
    countr = 1
    return counte
tests.append(f)
for t in tests:
    try:
        t()
    except (NameError, AttributeError) as e:
        print(type(e).__name__, e)
f()
