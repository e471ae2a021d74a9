# Checks __getitem__, __setitem__ and __delitem__ on a custom container.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError('cell ' + str(pos) + ' out of range')
        return self.cells.get(pos, '.')
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __delitem__(self, pos):
        del self.cells[pos]
    def __len__(self):
        return self.w * self.h
g = Grid(3, 2)
g[0, 0] = 'X'
g[2, 1] = 'O'
for y in range(2):
    print(''.join(g[x, y] for x in range(3)))
del g[0, 0]
print(g[0, 0], len(g))
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()))
print(3 * 3 in Squares())
for v in Squares():
    print(v, end=' ')
print()
class Slicer:
    def __getitem__(self, key):
        return key
s = Slicer()
print(s[1], s['a'], s[1, 2])
print(s[-1], s[(0, 'x')])
