# Checks lexicographic comparison of lists, tuples and strings, and sorting by them.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99])
print((1, 'b') < (1, 'c'), (0, 5) < (1,), () < (0,))
print('apple' < 'banana', 'Apple' < 'apple', 'abc' < 'abd', 'ab' < 'abc')
print('Z' < 'a', '10' < '9', 'é' > 'z')
print([1, 2] == [1, 2], (1, 2) == [1, 2], 'a' == 'a')
print(max(['pear', 'apple', 'fig']), min([(2, 'b'), (1, 'z'), (1, 'a')]))
print(sorted([(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')]))
print(sorted(['banana', 'Apple', 'cherry', 'apple']))
print([[1, 2], [1]] < [[1, 2], [0]])
print([1, 2] <= [1, 2], (3,) >= (3,))
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) < [1]
except TypeError as e:
    print(type(e).__name__, e)
