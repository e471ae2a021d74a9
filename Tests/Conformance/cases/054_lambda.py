# Checks lambda expressions: defaults, closures, immediate calls, as sort keys.
square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: 'no args')())
print((lambda *a: len(a))(1, 2, 3))
print((lambda **kw: sorted(kw))(b=1, a=2))
pairs = [(1, 'd'), (3, 'a'), (2, 'c')]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(10))
print(square.__name__)
ops = {'+': lambda a, b: a + b, '*': lambda a, b: a * b}
print(ops['+'](3, 4), ops['*'](3, 4))
print((lambda x, y: x if x > y else y)(3, 8))
