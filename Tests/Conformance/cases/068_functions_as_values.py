# Checks functions stored in containers, passed as arguments and returned.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = [add, sub, max, min, pow]
for op in ops:
    print(op.__name__, op(7, 3))
table = {'add': add, 'sub': sub}
print(table['sub'](10, 4))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
def pick(name):
    return table[name]
print(pick('add')(1, 1))
f = add
print(f is add, f(2, 2), f.__name__)
print(callable(f), callable(3), callable(len), callable(int))
print(list(map(len, ['a', 'bb', 'ccc'])))
print(sorted(['bb', 'a', 'ccc'], key=len))
print(list(map(str.upper, ['x', 'y'])))
pipeline = [str.strip, str.lower, lambda s: s.replace(' ', '_')]
v = '  Hello World  '
for step in pipeline:
    v = step(v)
print(v)
