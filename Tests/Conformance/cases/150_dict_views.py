# Checks dict views: printing, iteration order, membership, and liveness.
d = {'a': 1, 'b': 2}
keys = d.keys()
vals = d.values()
items = d.items()
print(keys)
print(vals)
print(items)
d['c'] = 3
print(keys, len(keys))
print(list(vals), list(items))
print('a' in keys, 3 in vals, ('c', 3) in items, ('c', 4) in items)
del d['a']
print(keys)
for k, v in d.items():
    print(k, v)
print(sorted(d.keys(), reverse=True))
print(list(d.keys()) == ['b', 'c'])
print({}.keys(), {}.values(), {}.items())
print(sorted(set(d.keys()) | {'z'}), 'b' in d.keys())
order = {}
for k in ['zeta', 'alpha', 'mid']:
    order[k] = len(k)
print(list(order), list(order.values()))
order['alpha'] = 0
print(list(order.items()))
