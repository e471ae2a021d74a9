# Checks f-strings with embedded expressions, calls, and quoting.
name = 'World'
n = 3
items = [1, 2, 3]
print(f'Hello, {name}!')
print(f'{n} + 1 = {n + 1}')
print(f'{n * 2}{n * 3}')
print(f'{name.upper()} {len(name)}')
print(f'{items}')
print(f'{items[0]} and {items[-1]}')
d = {'k': 'v'}
print(f"{d['k']}")
print(f'{{literal braces}} {n}')
print(f'{"nested quotes"}')
print(f'{3.0} {1/3} {True} {None}')
print(f'{"a" if n > 2 else "b"}')
print(f'{[x * 2 for x in items]}')
print(F'upper F {n}')
print(f'multi {n} ' f'parts {name}')
print(f'{n:}')
w = 'x'
print(f'{w!r:>5}|')
