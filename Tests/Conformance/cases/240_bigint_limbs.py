# Big-int arithmetic on 64-bit limbs: signs, floor division/modulo, Knuth D edge
# cases, shifts, bitwise, pow, str() round trips, hashing, comparisons.
import random
random.seed(2024)
vals = [0, 1, -1, 2, -3, 7, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64,
        2**64 + 1, 2**127, 2**128 - 1, -(2**128), 10**19, 10**19 - 1, 10**38, -(10**38) + 7,
        3**200, -(5**150), 2**521 - 1, (2**64 - 1) ** 2, 2**192 + 2**64, 2**191 - 1,
        2**128 - 2**64, 2**127 + 1, (2**64 - 1) << 64, 2**256 - 2**192 + 5]
for _ in range(25):
    v = random.getrandbits(random.randint(1, 600))
    vals.append(-v if random.random() < 0.5 else v)
h = 0
def mix(x):
    global h
    h = (h * 1000003 + (x % 1000000007)) % (2**61 - 1)
for a in vals:
    for b in vals:
        mix(a + b); mix(a - b); mix(a * b)
        if b:
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
            mix(a // b); mix(a % b); mix(q); mix(r)
        mix((a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b))
        mix(a & b); mix(a | b); mix(a ^ b)
    for s in (0, 1, 5, 63, 64, 65, 127, 128, 200, 1000):
        mix(a >> s); mix(a << s)
    mix(hash(a)); mix(len(str(a)))
    assert int(str(a)) == a and int(repr(-a)) == -a
print(h)
for k in range(300):
    a = random.getrandbits(random.randint(1, 2500)) * random.choice((1, -1))
    b = random.getrandbits(random.randint(1, 1200)) or 3
    if k % 5 == 0: b = (1 << random.randint(65, 900)) - 1
    if k % 3 == 0: b = -b
    q, r = divmod(a, b)
    assert q * b + r == a and abs(r) < abs(b) and (r == 0 or (r < 0) == (b < 0))
print(vals[:12])
print(2**1000, -(3**500))
print(hash(2**100), hash(-2**100), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**200 - 1))
x = 1
for i in range(1, 300):
    x = x * (2 ** 64 + i) - i
print(x % 1000000007, (-x) % 99991, (-x) // x, (x // -7) % 10**9, x % -13)
print(10 ** 100, 7 ** 77, (-3) ** 33, (-3) ** 34, 0 ** 0, (2**70) ** 2, 2 ** -2)
for f in (lambda: 2**100 // 0, lambda: 2**100 % 0, lambda: divmod(2**100, 0), lambda: 2**100 >> -1,
          lambda: 2**100 << -1, lambda: 1 << 2**100, lambda: str(10 ** 4300)):
    try:
        f()
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(0 << 2**100, 5 >> 2**100, -5 >> 2**100, (2**100) >> 2**100, -(2**100) >> 2**100, -(2**100) >> 3)
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))), str(10**4300 - 1)[:5])
print(2**100 / 3, 2**1000 // 3**500, True + 2**64, 2**64 - True, (2**64 + 1) & True)
print(-(2**100) & 0xFFFF, -(2**100) | 5, -(2**100) ^ -(2**80), ~(2**100))
print(pow(3, 2**100, 2**89 - 1), pow(2**100, 3, -7), pow(-5, 3, 2**70))
print(sorted([2**70, -2**70, 5, 2**64, -3, 2**63]), max(2**65, 2**64), {2**64: 'a'}[2**64])
print(divmod(-(2**100), 7), divmod(2**100, -(2**64 + 3)), 2**100 == 2.0**100, 2**100 < 2.0**101)
f = 1
for i in range(2, 1500):
    f *= i
print(len(str(f)), f % (10**30 + 57), f // 3**2000 % 10**20, str(f)[:30])
