# Big-int multiplication across the schoolbook/Karatsuba threshold (balanced, unbalanced, squares).
import random
random.seed(31337)
h = 0
sizes = [1, 2, 40, 41, 42, 63, 64, 65, 80, 81, 82, 100, 129, 200, 257, 500, 1000, 1500, 3000]
for sa in sizes:
    for sb in sizes:
        for k in range(2):
            a = random.getrandbits(sa * 64 - random.randint(0, 63))
            b = random.getrandbits(sb * 64 - random.randint(0, 63))
            if k == 1:
                a = (1 << (sa * 64)) - 1
                b = ((1 << (sb * 64)) - 1) ^ (1 << (sb * 32))
            p = a * b
            h = (h * 1000003 + p % (2**61 - 1) + (p >> 100) % 1000000007) % (2**61 - 1)
            if sa == sb: h = (h + (a * a) % 998244353 + (-a * b) % 1000003) % (2**61 - 1)
print(h)
x = 3 ** 100000
y = 7 ** 60000
print((x * y) % (10**40), (x * x) % (2**200 - 1), len(bin(x * y)))
f = 1
for i in range(2, 5000): f *= i
print(f % (10**30 + 7), (f * f) % 1000000007, (f * f) // f == f)
