# Checks upper, lower, title, capitalize, swapcase, casefold-free case handling.
s = 'hello WORLD, it\'s a tEsT'
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print('éclair'.upper(), 'ÀÉÎ'.lower())
print('hello world'.title(), 'HELLO'.capitalize(), ''.capitalize())
print('123abc'.upper(), 'a1b2'.title())
print('mixed Case'.upper().lower())
print('o\'neil mc-donald'.title())
