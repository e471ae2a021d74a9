# Checks dict() from kwargs, pairs, zip, another dict, and dict.fromkeys.
print(dict(a=1, b=2))
print(dict([('x', 1), ('y', 2)]))
print(dict(zip('abc', range(3))))
print(dict({'k': 'v'}, extra=True))
print(dict([('dup', 1), ('dup', 2)]))
print(dict())
print(dict.fromkeys(['a', 'b']))
print(dict.fromkeys('xyz', 0))
shared = dict.fromkeys(['p', 'q'], [])
shared['p'].append(1)
print(shared)
src = {'one': 1}
cp = dict(src)
cp['two'] = 2
print(src, cp)
print(dict(((i, i * i) for i in range(4))))
print(dict([['list', 'pair']]))
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
