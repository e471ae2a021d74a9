# Checks starred assignment targets in all positions.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, b = 'abcde'
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
head, *tail = 'x'
print(head, tail)
(x, *ys), z = [1, 2, 3], 4
print(x, ys, z)
for first, *others in [(1, 2, 3), (4,)]:
    print(first, others)
*everything, = range(3)
print(everything)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
