# Checks float % and // with mixed signs and divmod on floats.
vals = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (1.0, 0.3)]
for a, b in vals:
    print(a, b, a // b, a % b, divmod(a, b))
print(10 % 3.0, -10 % 3.0)
print(2.0 ** 3 % 5)
print(0.0 % 5, -0.0 // 5)
print(1e300 % 7.0)
print(7 // 0.5, 7 % 0.5, -7 // 0.5)
print(3.0 // 2, 3 // 2.0, type(3 // 2.0).__name__)
print(0.1 % 0.03, 1.0 // 0.1)
print(-1e-20 % 1.0, 1e-20 % -1.0)
print(divmod(-1, 0.25), divmod(10 ** 20, 3.0))
