# Checks len, indexing, iteration, slicing and comparison of non-ASCII strings.
s = 'héllo'
print(len(s), s[1], s[::-1], s.upper())
c = '你好世界'
print(len(c), c[0], c[-1], c[1:3], list(c))
for ch in 'añ中':
    print(ch, ord(ch), len(ch.encode('utf-8')))
e = '😀!'
print(len(e), len(e.encode()), e[1])
print('é' == '\u00e9', 'ü' in 'über', 'über'.find('b'))
print(sorted(['zebra', 'éclair', 'apple', 'Ångström']))
print('naïve café'.split(), 'naïve café'.title())
print(f'{"ñ":*^5}', 'ñ'.center(3, '-'))
mixed = 'a1é中😀'
print([ch for ch in mixed], len(mixed))
print('ÉCOLE'.lower(), 'straße'.upper())
print(repr('tab\t中'), str('中'))
