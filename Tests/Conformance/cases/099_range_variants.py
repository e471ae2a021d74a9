# Checks range with start/stop/step, negative steps, empty ranges and range methods.
print(list(range(5)))
print(list(range(2, 8)))
print(list(range(0, 20, 5)))
print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)))
print(list(range(-5, 5, 2)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
r = range(0, 100, 7)
print(len(r), r[0], r[-1], r[3], 21 in r, 22 in r)
print(list(range(9, -1, -2)), list(range(-1, -10, -4)))
print(sum(range(101)), max(range(-3, 3)), min(range(10, 0, -2)))
print(range(3), range(1, 10, 2))
print(list(reversed(range(4))))
try:
    range(1, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(list(range(2 ** 64, 2 ** 64 + 3)))
