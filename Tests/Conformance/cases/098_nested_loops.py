# Checks nested loops, break affecting only the inner loop, and loop variables.
for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    print(row)
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print('found', found)
pairs = []
for a in 'ab':
    for b in 'xyz':
        if b == 'y':
            continue
        pairs.append(a + b)
print(pairs)
count = 0
for i in range(10):
    for j in range(i):
        for k in range(j):
            count += 1
print(count)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end='; ')
print()
