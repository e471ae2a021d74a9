# Checks list literals, indexing, concatenation, repetition, membership and equality.
a = [1, 2, 3]
b = ['x', 'y']
print(a, b, [])
print(a + b)
print(b * 3)
print([0] * 5)
print(a[0], a[-1], a[1])
a[1] = 20
print(a)
print(len(a), len([]))
print(2 in a, 20 in a, 'x' not in b)
print(a == [1, 20, 3], a != [1, 20, 3], [] == [])
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0])
print(nested)
m = [[0] * 3 for _ in range(2)]
m[0][0] = 9
print(m)
alias = [[0] * 2] * 2
alias[0][0] = 7
print(alias)
c = a
c.append(4)
print(a, c is a)
print(list('abc'), list(range(4)), list((1, 2)))
print([1, 'two', 3.0, None, True, [5]])
print(repr(['quote\'s', "d\"q"]))
try:
    print(a[10])
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[-10] = 1
except IndexError as e:
    print(type(e).__name__, e)
