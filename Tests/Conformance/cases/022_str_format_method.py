# Checks str.format with positional, indexed, keyword, attribute and item fields.
print('{} {}'.format('a', 'b'))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} is {age}'.format(name='Ann', age=30))
print('{0[1]} {0[0]}'.format(['x', 'y']))
print('{d[key]}'.format(d={'key': 'value'}))
print('{0:>5}|{1:<5}|'.format('r', 'l'))
print('{:.3f}'.format(2 / 3))
print('{:,}'.format(10 ** 9))
print('{{}} {}'.format('x'))
print('{0!r} {0!s}'.format('q'))
print('{0[0]},{1[k]}'.format((1, 2), {'k': 3}))
print('{:08.3f}'.format(-3.14159))
print('{0}{1}{0}'.format('ab', 'cd'))
print('{:^{}}'.format('mid', 9) + '|')
print('{a}-{b}'.format(**{'a': 1, 'b': 2}))
print('{}+{}={}'.format(*[1, 2, 3]))
try:
    '{} {}'.format('only one')
except IndexError as e:
    print(type(e).__name__)
try:
    '{missing}'.format(x=1)
except KeyError as e:
    print(type(e).__name__, e)
