# Checks calls with *args and **kwargs unpacking and print(*lst).
def f(a, b, c=0, *args, **kwargs):
    return (a, b, c, args, kwargs)
print(f(1, 2))
print(f(*[1, 2, 3]))
print(f(*[1, 2], c=5))
print(f(1, *(2, 3, 4, 5)))
print(f(**{'a': 1, 'b': 2}))
print(f(1, 2, 3, 4, x=1, y=2))
args = (1, 2)
kwargs = {'c': 3, 'z': 26}
print(f(*args, **kwargs))
print(f(*args, *args))
print(f(0, **{'b': 9}, d=4))
lst = [1, 2, 3]
print(*lst)
print(*lst, sep='-')
print(*'abc', sep=',')
print(*[])
print(*range(3), *'xy')
def g(x, y):
    return x - y
print(g(*[10, 3]), g(**{'y': 3, 'x': 10}))
try:
    f(1, **{'a': 2, 'b': 3})
except TypeError as e:
    print(type(e).__name__, e)
