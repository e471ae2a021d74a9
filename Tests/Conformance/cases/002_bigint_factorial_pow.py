# Checks arbitrary-precision integers: factorials, big powers, negative big ints.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(50))
print(fact(30) // fact(28))
print(2 ** 64)
print(2 ** 200)
print(-(2 ** 100))
print((-2) ** 101)
print(3 ** 100 - 3 ** 99)
big = 10 ** 40
print(big + 1)
print(big - 1)
print(big * big)
print(big // 7)
print(big % 7)
print(-big // 7)
print(-big % 7)
print(len(str(2 ** 1000)))
print(sum(int(c) for c in str(2 ** 1000)))
print(2 ** 63 - 1, -(2 ** 63))
print(2 ** 63 - 1 + 1)
print((2 ** 64) // (2 ** 32))
print(12345678901234567890 * 98765432109876543210)
print(abs(-(10 ** 30)))
print(10 ** 20 == 100000000000000000000)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 5)
