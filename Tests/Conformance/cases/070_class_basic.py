# Checks class definition, __init__, instance attributes and methods.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.dist2())
p.move(1, 1).move(1, 1)
print(p.x, p.y)
q = Point(0, 0)
print(q.dist2(), p.dist2())
p.label = 'P'
print(p.label)
print(Point.dist2(p))
m = p.dist2
print(m())
class Empty:
    pass
e = Empty()
e.anything = 5
print(e.anything)
print(type(p).__name__, isinstance(p, Point), isinstance(e, Point))
