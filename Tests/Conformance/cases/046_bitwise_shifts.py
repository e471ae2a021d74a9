# Checks bitwise and shift operators and masks.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(~a, ~b & 0xF)
print(1 << 0, 1 << 1, 1 << 31, 1 << 32, 1 << 64)
print(256 >> 4, 255 >> 4, 1 >> 1)
print(-16 >> 2, -17 >> 2, -1 << 4)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags)
flags ^= WRITE
print(flags)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xAA)
mask = (1 << 8) - 1
print(mask, 1000 & mask)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(9)])
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
