# Checks while loops with break, continue and else (taken and not taken).
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('i =', i)
n = 0
while True:
    n += 1
    if n >= 3:
        break
print('n =', n)
k = 0
while k < 3:
    k += 1
else:
    print('while-else taken, k =', k)
k = 0
while k < 10:
    k += 1
    if k == 4:
        print('breaking at', k)
        break
else:
    print('not printed')
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(collatz(27))
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
while False:
    print('never')
else:
    print('else on never-entered while')
