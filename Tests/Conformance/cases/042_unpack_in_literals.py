# Checks unpacking in list/tuple/set/dict displays: [*a, *b], {**d1, **d2}.
a = [1, 2]
b = (3, 4)
print([*a, *b])
print([0, *a, 9, *b, *'xy'])
print((*a, *b))
print(sorted({*a, *b, 1}))
d1 = {'x': 1, 'y': 2}
d2 = {'y': 20, 'z': 30}
print({**d1, **d2})
print({**d2, **d1})
print({'w': 0, **d1, 'x': 100})
print({**{}})
print([*range(3)])
print([*{'k1': 1, 'k2': 2}])
merged = {**d1}
merged['x'] = 'changed'
print(d1, merged)
