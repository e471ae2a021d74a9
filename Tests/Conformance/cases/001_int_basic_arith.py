# Checks basic integer arithmetic: + - * / // % ** and unary minus.
a = 17
b = 5
print(a + b)
print(a - b)
print(a * b)
print(a / b)
print(a // b)
print(a % b)
print(a ** 2)
print(-a)
print(+a)
print(a - b * 2)
print((a - b) * 2)
print(0 - 0)
print(7 // 7, 7 % 7)
print(2 ** 10, 2 ** 0, 0 ** 0)
print(10 / 5, type(10 / 5).__name__)
print(1 + 2 * 3 - 4 // 2)
x = 100
x = x - 1
print(x)
print(1_000_000 + 1)
print(0x10, 0o17, 0b101)
print(999999999 * 999999999)
