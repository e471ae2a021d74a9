# Checks printf-style % formatting of strings.
print('%d %s %r %5.2f %x %%' % (42, 'str', 'repr', 3.14159, 255))
print('%s' % 'single')
print('%s' % 42)
print('%s' % [1, 2])
print('%s' % (7,))
print('%d items' % 3)
print('%5d|%-5d|%05d' % (42, 42, 42))
print('%.3f %10.2f| %-10.2f|' % (1 / 3, 2.5, 2.5))
print('%e %.2e' % (12345.678, 0.000123))
print('%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print('%r' % ('q',))
print('%s and %s' % ('a', 'b'))
print('%+d %+d' % (5, -5))
print('%10s|%-10s|' % ('right', 'left'))
print('%.2s' % 'abcdef')
print('%d%%' % 50)
print('%d' % 3.99)
print('%s %s' % (None, True))
try:
    '%d %d' % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    '%d' % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
