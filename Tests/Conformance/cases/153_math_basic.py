# Checks math module basics: sqrt, floor, ceil, constants, gcd, factorial, trunc, fabs.
import math
print(math.sqrt(2), math.sqrt(144), math.sqrt(0.25))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7))
print(type(math.floor(2.5)).__name__, math.floor(5), math.ceil(10 ** 20))
print(math.pi, math.e)
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(2 ** 100, 6 ** 50))
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.trunc(3.9), math.trunc(-3.9), math.fabs(-4), math.fabs(2.5))
print(math.inf, -math.inf, math.inf > 1e308, math.isinf(math.inf), math.isinf(1e308))
print(math.isnan(float('nan')), math.isnan(1.0), math.isnan(math.inf - math.inf))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(math.sqrt(10 ** 10), math.floor(-0.5), math.ceil(-0.5))
