# Checks truth tables of and/or/not, bool() of containers and short-circuit in conditions.
vals = [True, False]
for a in vals:
    for b in vals:
        print(a, b, a and b, a or b, not a, a ^ b, a != b)
empties = [0, 0.0, '', [], (), {}, set(), None, range(0), b'']
print([bool(v) for v in empties])
fulls = [1, -0.1, ' ', [0], (None,), {0: 0}, {0}, range(1), b'\x00']
print([bool(v) for v in fulls])
def f(x):
    print('f', x)
    return x
if f(0) and f(1):
    print('not printed')
if f(1) or f(2):
    print('short-circuit or')
x = [] or {} or 0 or 'first truthy'
print(x)
y = 1 and [] and 'never'
print(y)
print(all([]) and not any([]))
