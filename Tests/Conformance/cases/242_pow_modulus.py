# Three-argument pow on limbs: negative bases, exponents (modular inverse) and moduli, zero cases.
import random
random.seed(99)
h = 0
for k in range(400):
    b = random.getrandbits(random.randint(1, 700)) * random.choice((1, -1))
    e = random.getrandbits(random.randint(0, 300))
    m = random.getrandbits(random.randint(1, 600)) or 7
    if k % 4 == 0: m = -m
    if k % 9 == 0: e = 0
    if k % 11 == 0: m = 1
    if k % 13 == 0: b = 0
    r = pow(b, e, m)
    h = (h * 31 + r) % (2**61 - 1)
print(h)
print(pow(3, 2**100, 2**89 - 1), pow(2**100, 3, -7), pow(-5, 3, 2**70), pow(5, -1, 7), pow(2**70 + 1, -3, 10**20 + 39))
print(pow(7, 0, 1), pow(7, 0, -1), pow(0, 0, 5), pow(2, 10**5, 10**9 + 7), pow(12345, 67890, 2**64 + 13))
for i in range(1, 20):
    print(pow(i, (1 << 200) + i, (1 << 521) - 1) % 1000003, end=' ')
print()
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
print((3).__pow__(2**70, 2**61 - 1), (2**80).__pow__(5, 2**40 + 3), pow(-(2**90), 2**65 + 1, 2**127 - 1))
m = (1 << 521) - 1
print(pow(3, m - 2, m) * 3 % m, pow(2**300 + 7, -1, m) * (2**300 + 7) % m)
