# Checks for loops with break/continue/else, including searching with for-else.
def find_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, 'has divisor', d)
            break
    else:
        print(n, 'is prime')
for n in [7, 9, 13, 15]:
    find_divisor(n)
for x in []:
    print('never')
else:
    print('else after empty loop')
for i in range(6):
    if i % 2 == 0:
        continue
    print('odd', i)
else:
    print('loop finished normally')
for ch in 'hello':
    if ch == 'l':
        break
    print(ch)
else:
    print('not printed')
print(ch)
for i in range(3):
    pass
print('i after loop', i)
