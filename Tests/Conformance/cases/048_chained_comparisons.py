# Checks chained comparisons and that middle operands are evaluated once.
x = 3
print(1 < x < 5, 1 < x < 2, 5 > x > 1)
print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4)
a = b = c = 2
print(a == b == c, a == b == 3)
print(1 <= 1 < 2 != 3)
print(1 < 2 > 1.5)
print(0 <= x <= 10 and x != 4)
def mid():
    print('mid called')
    return 5
print(1 < mid() < 10)
print(10 < mid() < 1)
print('a' < 'b' < 'c')
print([1] < [1, 0] < [2])
print(1 == 1.0 == True)
print(3 > 2 == 2)
