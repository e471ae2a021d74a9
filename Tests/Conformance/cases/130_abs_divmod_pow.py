# Checks abs, divmod and pow (including 3-argument modular pow).
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(10 ** 30)))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-2, 3))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 13), pow(10 ** 20, 3, 97))
print(pow(-3, 3, 7))
print(pow(3, -1, 7))
print(pow(1, 10 ** 6), pow(0, 0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(abs(True), abs(-0.0))
print(divmod(0, 3), divmod(10 ** 20, 7))
