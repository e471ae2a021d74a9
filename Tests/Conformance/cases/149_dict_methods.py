# Checks dict get, pop (with default), popitem, setdefault, update, copy, clear, fromkeys.
d = {'a': 1, 'b': 2, 'c': 3}
print(d.get('a'), d.get('z'), d.get('z', 0))
print(d.pop('b'), d)
print(d.pop('z', 'default'))
try:
    d.pop('z')
except KeyError as e:
    print(type(e).__name__, e)
d['x'] = 10
print(d.popitem(), d)
print(d.setdefault('a', 100), d.setdefault('new', []), d)
d.setdefault('lst', []).append(1)
d.setdefault('lst', []).append(2)
print(d['lst'])
d.update({'a': -1, 'u': 'u'})
print(d)
d.update(k1=1, k2=2)
print(d)
d.update([('p', 'q')])
print(list(d))
cp = d.copy()
cp['a'] = 'changed'
print(d['a'], cp['a'])
cp.clear()
print(cp, len(d))
print(dict.fromkeys(range(3), 'v'))
groups = {}
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
