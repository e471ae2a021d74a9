# Checks math log/exp/trig, isclose, pow, prod, comb, perm, hypot.
import math
print(math.log(math.e), math.log(1), math.log(100, 10), math.log(8, 2))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(2))
print(math.exp(0), math.exp(1), math.exp(2))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(round(math.sin(math.pi), 10), round(math.cos(math.pi / 3), 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.pow(2, 10), math.pow(2, 0.5), type(math.pow(2, 2)).__name__)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([1.5, 2]))
print(math.comb(5, 2), math.comb(52, 5), math.comb(100, 50), math.comb(3, 5))
print(math.perm(5, 2), math.perm(10, 3), math.perm(4))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
print(math.log(2 ** 1000), math.log10(10 ** 50))
try:
    math.log(0)
except ValueError as e:
    print(type(e).__name__, e)
print(math.sin(math.pi / 6) < 0.5000001, math.cos(0.0) == 1.0)
