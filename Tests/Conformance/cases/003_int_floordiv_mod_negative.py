# Checks floor division and modulo semantics with negative and big operands.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 25 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -3, big % -3)
print(-big // -3, -big % -3)
print(divmod(-big, 10 ** 12))
print((2 ** 100) % 1000)
print((-(2 ** 100)) % 1000)
print(-1 // 2, -1 % 2)
print(1 // -2, 1 % -2)
print(-9 // 10, -9 % 10)
print(5 % 1, -5 % 1)
