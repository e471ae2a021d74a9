# Checks that generator expressions and map/filter are lazy (print order shows evaluation).
def noisy(x):
    print('computing', x)
    return x * 10
gen = (noisy(x) for x in range(3))
print('generator created')
print('first', next(gen))
print('rest', list(gen))
m = map(noisy, [7, 8])
print('map created')
for v in m:
    print('map value', v)
def is_even(x):
    print('testing', x)
    return x % 2 == 0
f = filter(is_even, [1, 2, 3, 4])
print('filter created')
print(next(f))
print(list(f))
print(any(noisy(x) > 10 for x in [1, 2, 3]))
z = zip(range(3), (noisy(x) for x in range(10)))
print(list(z))
lst = [noisy(x) for x in range(2)]
print('list built eagerly', lst)
