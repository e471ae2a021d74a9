# Checks f-strings with nested format specs like {x:>{width}} and {v:{fill}^{w}.{p}f}.
x = 'ab'
for width in [1, 4, 6]:
    print(f'[{x:>{width}}]')
v = 3.14159
for p in range(4):
    print(f'{v:.{p}f}')
fill = '*'
w = 12
print(f'[{v:{fill}^{w}.2f}]')
align = '<'
print(f'[{x:{align}8}]')
n = 255
base = 'x'
print(f'{n:{base}} {n:#{base}}')
spec = '08.3f'
print(f'{v:{spec}}')
rows = [('apple', 1.5), ('kiwi', 12.25), ('banana', 100.0)]
col = max(len(r[0]) for r in rows)
for name, price in rows:
    print(f'{name:<{col}} | {price:>8.2f}')
