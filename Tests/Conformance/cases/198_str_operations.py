# Checks str concatenation, repetition, membership, iteration, comparison and object() sentinels.
s = 'abc'
print(s + 'def', s * 3, 0 * s == '', -1 * s == '')
print('b' in s, 'bc' in s, 'ac' in s, 'x' not in s)
for ch in s:
    print(ch, end='.')
print()
print([c * 2 for c in s])
print(s < 'abd', s == 'abc', s != 'ABC', s > 'ab', 'a' < 'B')
acc = ''
for i in range(5):
    acc += str(i)
print(acc, len(acc))
print(str([1, 'a', (2, 'b')]), str({'k': ['v']}))
print('-' * 20)
print(max('hello'), min('hello'), sorted('cba'), list(reversed('abc')))
print('abc'[1], 'abc'[-1], 'abc'[0:2])
sentinel = object()
def lookup(d, k, default=sentinel):
    if k in d:
        return d[k]
    if default is sentinel:
        return 'no default given'
    return default
print(lookup({'a': 1}, 'a'), lookup({}, 'a'), lookup({}, 'a', None))
print(type(sentinel).__name__, sentinel is sentinel, sentinel == object())
print(str(), repr(''), str(''), len(str()))
print('Hello' ' ' 'World', 'ab' + 'cd' * 2)
