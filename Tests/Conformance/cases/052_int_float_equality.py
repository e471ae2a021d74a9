# Checks equality and ordering across int, float, bool and big ints.
print(1 == 1.0, 0 == -0.0, 2 == 2.000001)
print(1 < 1.5 < 2, 3 > 2.9999)
print(10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
d = {1: 'int'}
d[1.0] = 'float'
print(d)
print(1.0 in {1, 2}, 2 in [2.0])
print(max(1, 1.0), max(1.0, 1), min(0, False))
print(sorted([3, 1.5, 2, 0.5, True]))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(hash(1) == 1, hash(1.0) == hash(1), hash('a') == hash('a'))
print(int(2.0) == 2.0, 7 / 7 == 1)
