# Checks list methods: append, extend, insert, pop, remove, index, count, reverse, copy, clear.
lst = [3, 1, 4]
lst.append(1)
print(lst)
lst.extend([5, 9])
lst.extend('ab')
print(lst)
lst.insert(0, 'first')
lst.insert(100, 'last')
lst.insert(-1, 'before last')
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2))
print(lst)
lst.remove(1)
print(lst)
print(lst.index(4), lst.index(1), lst.count(1), lst.count('zz'))
print([1, 2, 3, 2].index(2, 2))
lst.reverse()
print(lst)
cp = lst.copy()
cp.append('only in copy')
print(len(lst), len(cp))
cp.clear()
print(cp, lst[:2])
print([1, 2] + [3], [0] * 3, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] != [2, 1])
print(lst.append(0) is None, lst[-1])
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append('shared')
print(nested)
try:
    [].remove(1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(5)
except ValueError as e:
    print(type(e).__name__, e)
