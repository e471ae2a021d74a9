# Checks tuple.count/index, int.bit_length and float.is_integer.
t = (1, 2, 2, 3, 2, 'a')
print(t.count(2), t.count('a'), t.count(99))
print(t.index(2), t.index('a'), t.index(2, 2), t.index(2, 3))
print((5).bit_length(), (1023).bit_length(), (1024).bit_length(), (-1).bit_length())
print((10 ** 30).bit_length())
print((2.0).is_integer(), (2.5).is_integer(), (-0.0).is_integer(), (1e300).is_integer())
n = 255
print(n.bit_length(), n.__class__.__name__)
x = 3.75
print(x.is_integer(), int(x), round(x))
