# Checks inf, nan, negative zero and their comparisons.
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan)
print(float('-inf'), float('Infinity'), float('NaN'))
print(inf > 10 ** 300, -inf < -(10 ** 300))
print(inf + 1, inf - inf, inf * 0)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(1.5e300 * 1e10)
print(-1.5e300 * 1e10)
z = -0.0
print(z, 0.0, z == 0.0)
print(-0.0 + 0.0, 0.0 * -1)
print(repr(-0.0))
print(abs(-0.0))
print(inf == inf, -inf == -inf)
print(max(1.0, inf), min(-inf, 0))
print(int(2.0 ** 62))
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
print(2.0 ** 1023 * 2 == inf)
