# Container fast paths: list item assignment and slices, tuple indexing, dict/set
# lookups with keys whose equality needs __eq__, sorting stability.
xs = list(range(10))
xs[-1] = 'last'; xs[0] = 'first'
print(xs, xs[2:5], xs[::-3], xs[-3:], xs[5:2], xs[100:])
for bad in (10, -11):
    try:
        xs[bad] = 0
    except IndexError as e:
        print('IndexError', e)
t = (1, 2, 3)
print(t[0], t[-1])
try:
    t[3]
except IndexError as e:
    print('IndexError', e)
class Key:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n)
    def __eq__(self, other):
        print('eq called')
        return other == self.n if not isinstance(other, Key) else other.n == self.n
d = {Key(5): 'key5'}
print(d.get(5), 5 in d, d[5])
d[5] = 'five'
print(len(d), list(d.values()))
s = {Key(7)}
print(7 in s); s.add(7); print(len(s))
d2 = {}
for i in range(100):
    d2[i] = i * i
    d2[str(i)] = i
print(len(d2), d2[99], d2['42'], d2.get(1000, 'none'), 1000 in d2, '7' in d2)
print(hash((1, 2)), hash((1, (2, 'a'))), hash(()), {(1, 2): 3}[(1, 2)])
a, b, c = (1, 'x'), (1, 'y'), (0, 'z')
ps = [(3, 1), (1, 2), (3, 0), (1, 2), (2, 5), (1,), (1, 2, 0)]
print(sorted(ps), sorted(ps, reverse=True))
objs = [(1, 2), (1, 2), (0, 9)]
r = sorted(objs)
print(r[1] is objs[0], r[2] is objs[1])
r = sorted(objs, reverse=True)
print(r[0] is objs[0], r[1] is objs[1])
m = [(2, 'b'), (1, 'a'), (2, 'a')]
m.sort(); print(m)
print(sorted([3, 1, 2, 1, -5]), sorted([3, 1, 2], reverse=True), sorted(['b', 'a', 'c']))
print(sorted([True, 1, 0, False]), sorted([1, 0.5, True]))
nums = [5, -3, 2, -8, 0, 7, -2]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, key=lambda v: -v))
nums.sort(key=abs); print(nums)
nums.sort(key=lambda v: (v % 3, v // 3)); print(nums)
print(sorted(['bb', 'a', 'ccc', 'dd'], key=len), sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda p: p[0]))
