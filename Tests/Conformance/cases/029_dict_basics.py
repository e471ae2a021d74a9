# Checks dict literals, insertion order, lookup, update, deletion and KeyError.
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d)
print(d['a'], len(d))
d['b'] = 20
print(d)
del d['a']
print(d)
d['a'] = 100
print(d)
print('a' in d, 'z' in d, 'z' not in d)
print(list(d), list(d.keys()), list(d.values()))
for k in d:
    print(k, d[k])
try:
    d['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d['nope']
except KeyError as e:
    print('del', e)
try:
    {}[42]
except KeyError as e:
    print('int key', e)
try:
    {}[(1, 'a')]
except KeyError as e:
    print('tuple key', e)
mixed = {1: 'int', 'one': 'str', (1,): 'tuple', None: 'none', 2.5: 'float'}
print(mixed)
print(mixed[None], mixed[(1,)])
print({}, dict())
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1})
n = {'outer': {'inner': [1, 2]}}
n['outer']['inner'].append(3)
print(n)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
