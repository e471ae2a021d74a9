# Checks that comprehension variables do not leak and see enclosing scopes.
x = 'outer'
lst = [x for x in range(3)]
print(lst, x)
y = 10
print([y + i for i in range(3)])
def f():
    k = 5
    return [k * i for i in range(3)]
print(f())
try:
    print(i)
except NameError as e:
    print(type(e).__name__, e)
funcs = [lambda: n for n in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda n=n: n for n in range(3)]
print([fn() for fn in funcs2])
total = 0
for v in [w * 2 for w in range(4)]:
    total += v
print(total)
print({z: z for z in 'ab'})
try:
    print(z)
except NameError as e:
    print(type(e).__name__, e)
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]
print(C.doubled)
