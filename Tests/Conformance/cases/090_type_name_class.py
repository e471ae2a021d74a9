# Checks type(x).__name__, x.__class__.__name__ and type() comparisons for builtins and classes.
values = [1, 2.0, 'a', b'b', [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(3), 10 ** 30]
for v in values:
    print(type(v).__name__, v.__class__.__name__)
class Custom:
    pass
c = Custom()
print(type(c).__name__, c.__class__.__name__, type(c) is Custom)
print(type(c) == Custom, type(1) == int, type(True) == int)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__)
print(type(Custom).__name__, type(int).__name__)
print(type(42))
print(type('x') is str, type(type(1)) is type)
print(int.__name__, str.__name__, Exception.__name__)
