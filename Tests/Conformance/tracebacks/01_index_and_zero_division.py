# Traceback text: frames, source lines and ~~^~~ markers.
def f(x):
    return x[3] + 1
def g():
    y = f([1, 2])
    return y
data = {"a": 1}
try:
    g()
except IndexError:
    pass
def h():
    return 10 // (data["a"] - 1)
x = 5
result = h()
