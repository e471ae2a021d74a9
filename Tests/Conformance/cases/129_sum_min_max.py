# Checks sum with start, min/max with key, default and multiple arguments.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.5, 0.25]))
print(sum([[1], [2, 3]], []))
print(sum(range(1, 101)))
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 2, 8]), max([4, 2, 8]))
print(min('hello'), max('hello'))
words = ['kiwi', 'banana', 'fig', 'apple']
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
print(max([], default='empty'), min([], default=None))
print(max([1, 2], default=0))
print(max([(1, 'b'), (1, 'a'), (0, 'z')]))
print(max({'a': 3, 'b': 9, 'c': 1}, key=lambda k: {'a': 3, 'b': 9, 'c': 1}[k]))
print(max(-5, 3, key=abs), min(-5, 3, key=abs))
print(max([1, 3, 3, 2], key=lambda x: x % 3))
print(min(2, 2.0), max(2.0, 2))
print(max(range(10), key=lambda x: (x % 4, x)))
print(sum(x for x in range(10) if x % 2))
try:
    max()
except TypeError as e:
    print(type(e).__name__, e)
