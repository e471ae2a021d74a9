# Checks *args and **kwargs collection, ordering and forwarding.
def collect(*args, **kwargs):
    print('args', args, 'kwargs', kwargs)
collect()
collect(1, 2)
collect(a=1, b=2)
collect(1, 'x', k=None)
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(1, 2, 3, 4))
def forward(*args, **kwargs):
    return total(*args, **kwargs)
print(forward(5, 6))
def describe(**info):
    for k in info:
        print(k, '->', info[k])
describe(name='x', size=3, color='red')
def mixed(a, b=2, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
print(type(()).__name__, type({}).__name__)
def first(*args):
    return args[0] if args else None
print(first(), first('a', 'b'))
