# Checks int() conversions from strings, floats and bools, with bases.
print(int('123'))
print(int('-42'))
print(int('+7'))
print(int(' 42 '))
print(int('\t99\n'))
print(int('ff', 16))
print(int('FF', 16))
print(int('101', 2))
print(int('777', 8))
print(int('z', 36))
print(int('1_000'))
print(int(3.9))
print(int(-3.9))
print(int(True), int(False))
print(int(1e20))
print(int('123456789012345678901234567890'))
print(int())
for s in ['abc', '12.5', '', '0x10']:
    try:
        int(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('12', 2)
except ValueError as e:
    print(e)
print(float('3.5'), float(' 2 '), float('-1e3'), float(7))
try:
    float('x1')
except ValueError as e:
    print(e)
