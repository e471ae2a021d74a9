# Checks unpacking in for loops over enumerate, zip and dict items.
d = {'a': 1, 'b': 2, 'c': 3}
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
for k, v in d.items():
    print(f'{k}={v}', end=' ')
print()
pairs = [(1, 'one'), (2, 'two')]
for num, word in pairs:
    print(num, word)
for idx, (a, b) in enumerate(zip('xy', [10, 20]), start=1):
    print(idx, a, b)
points = [(0, 0, 'origin'), (1, 2, 'p')]
for x, y, label in points:
    print(label, x + y)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
