# Checks TypeError messages for wrong argument counts and bad keywords.
def f(a, b):
    return a + b
def g(a, b, c=1):
    return a
def none():
    return 0
calls = [
    lambda: f(1, 2, 3),
    lambda: f(1),
    lambda: f(),
    lambda: f(1, c=2),
    lambda: f(1, 2, a=3),
    lambda: g(1, 2, 3, 4),
    lambda: g(),
    lambda: none(1),
    lambda: f(b=1),
]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(type(e).__name__ + ':', e)
def one(x):
    return x
try:
    one()
except TypeError as e:
    print(e)
try:
    one(1, 2)
except TypeError as e:
    print(e)
