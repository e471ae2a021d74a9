# Checks slice assignment (growing/shrinking), extended slice assignment, and del with slices.
a = list(range(10))
a[2:5] = ['a', 'b']
print(a)
a[1:1] = [100, 200]
print(a)
a[:2] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
del a[0]
print(a)
b = [1, 2, 3, 4, 5]
b[-2:] = 'xyz'
print(b)
b[:] = [9]
print(b)
c = [1, 2, 3, 4, 5, 6]
del c[-1]
del c[:]
print(c, len(c))
try:
    d = [1, 2, 3, 4]
    d[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
e = [0, 1, 2, 3, 4, 5]
e[5:1:-2] = ['p', 'q']
print(e)
