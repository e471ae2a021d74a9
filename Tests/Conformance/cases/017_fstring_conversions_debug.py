# Checks f-string !r, !s conversions and the = debug specifier.
s = 'hi'
x = 42
f = 2.5
lst = ['a', 1]
print(f'{s!r} {s!s} {s}')
print(f'{lst!r} {lst!s}')
print(f'{x=}')
print(f'{s=}')
print(f'{x + 1=}')
print(f'{f=:.3f}')
print(f'{s = }')
print(f'{lst=}')
print(f'{x=!s}')
print(f'{None!r}')
class P:
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'a P'
p = P()
print(f'{p} {p!r} {p!s}')
print(f'{p=}')
