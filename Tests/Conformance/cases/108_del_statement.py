# Checks del on names, list items, slices, dict keys and attributes.
x = 10
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, 'p'), o.q, o.__dict__)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print(e)
nested = {'k': [1, 2, 3]}
del nested['k'][1]
print(nested)
try:
    del lst[10]
except IndexError as e:
    print(type(e).__name__, e)
def f():
    y = 1
    del y
    return 'deleted local'
print(f())
