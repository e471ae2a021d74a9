# Checks len on many types, range iteration and enumerate with a start value.
print(len('hello'), len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 3}), len(range(10)), len(b'ab'))
print(len(''), len('héllo'), len('你好'), len(range(0, 10, 3)))
for i, v in enumerate('abc'):
    print(i, v)
for i, v in enumerate(['x', 'y'], start=1):
    print(i, v)
print(list(enumerate('ab', 10)))
print(list(enumerate([])))
e = enumerate('xyz')
print(next(e), next(e))
total = 0
for i in range(1, 11):
    total += i
print(total)
names = ['ann', 'bob', 'cy']
for idx in range(len(names)):
    print(idx, names[idx])
print(dict(enumerate('ab')))
