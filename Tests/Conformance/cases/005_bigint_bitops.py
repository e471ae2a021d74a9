# Checks bitwise operators on small, negative and big integers.
print(12 & 10, 12 | 10, 12 ^ 10, ~12)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(1 << 10, 1 << 100)
print(1024 >> 3, -1024 >> 3, -1 >> 5)
big = 2 ** 100 + 2 ** 50 + 1
print(big & (2 ** 64 - 1))
print(big | 0xFF)
print(big ^ big)
print(big >> 50)
print(~big)
print(-big & 0xFFFF)
print((2 ** 200) >> 199)
print((1 << 70) | (1 << 3))
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length())
print((2 ** 100).bit_length())
x = 0
for i in range(0, 80, 8):
    x |= 1 << i
print(x)
print(bin(x).count('1'))
