# Checks hex(), oct(), bin() on small, negative and big integers.
for n in [0, 1, 10, 255, -255, 4096]:
    print(n, hex(n), oct(n), bin(n))
print(hex(2 ** 100))
print(hex(-(2 ** 70)))
print(bin(2 ** 40 + 5))
print(oct(8 ** 20))
print(hex(0xDEADBEEF))
print(int(hex(12345), 16))
print(int(bin(-77), 2))
