# Checks keyword-only parameters after * and after *args, and related errors.
def f(a, *, b, c=3):
    return (a, b, c)
print(f(1, b=2))
print(f(1, c=30, b=20))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
def g(*args, sep='-'):
    return sep.join(str(x) for x in args)
print(g(1, 2, 3), g(1, 2, sep='+'))
def h(a, *args, key, **rest):
    return a, args, key, rest
print(h(1, 2, 3, key='k', z=0))
try:
    f(1, b=2, d=4)
except TypeError as e:
    print(type(e).__name__, e)
