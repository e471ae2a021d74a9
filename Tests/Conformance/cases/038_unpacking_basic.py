# Checks tuple unpacking, swapping, nested unpacking and unpacking errors.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = 'abc'
print(x, y, z)
(p, (q, r)) = (1, (2, 3))
print(p, q, r)
[m, n] = [5, 6]
print(m, n)
for (i, (j, k)) in [(1, (2, 3)), (4, (5, 6))]:
    print(i + j + k)
k1, v1 = ('key', 'value')
print(k1, v1)
a = b = c = 7
print(a, b, c)
a, b, c = range(3)
print(a, b, c)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
