# Checks is / is not / in / not in across containers and strings.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, a is not None)
print(1 in [1, 2], 3 not in [1, 2])
print('ell' in 'hello', 'xyz' in 'hello', '' in 'abc')
print('a' in {'a': 1}, 1 in {'a': 1}, 1 in {'a': 1}.values())
print(2 in (1, 2, 3), 2 in {2, 3}, 2 in range(5), 7 in range(0, 10, 2))
print([1] in [[1], [2]], (1, 2) in [(1, 2)])
print(not 1 in [2])
x = True
print(x is True, (1 == 1) is True)
class C:
    pass
o1, o2 = C(), C()
print(o1 is o1, o1 is o2, o1 == o2, o1 != o2)
print(id(a) == id(b), id(a) == id(c))
print(type(1) is int, type('s') is str, type([]) is list)
