# Checks round(): banker's rounding, ndigits, negative ndigits, return types.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001]:
    print(v, round(v))
print(round(3.14159, 2), round(3.14159, 0), round(3.14159, 4))
print(round(2.675, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(1234.5678, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, 1)).__name__)
print(round(7), round(-7))
print(round(0.125, 2), round(0.375, 2))
print(round(1e20), round(123.456, 1))
print(round(-3.7), round(-3.2))
