# Checks augmented assignment on names, attributes, subscripts and mutable/immutable objects.
x = 10
x += 5
print(x)
x -= 3
x *= 2
print(x)
x //= 5
print(x)
x **= 3
print(x)
x %= 7
print(x)
x /= 2
print(x)
n = 6
n <<= 2
n >>= 1
n |= 1
n &= 0b1101
n ^= 0b1000
print(n)
s = 'ab'
s += 'cd'
s *= 2
print(s)
class Box:
    pass
b = Box()
b.v = 1
b.v += 10
print(b.v)
lst = [1, 2, 3]
lst[1] += 100
lst[-1] *= 3
print(lst)
d = {'k': 1}
d['k'] += 1
d.setdefault('new', 0)
d['new'] -= 5
print(d)
a = [1]
alias = a
a += [2]
print(alias, a is alias)
t = (1,)
t_alias = t
t += (2,)
print(t_alias, t)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
counter = {}
for ch in 'hello':
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
