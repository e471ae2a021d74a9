# Checks if/elif/else chains, nested ifs and truthiness of conditions.
def grade(score):
    if score >= 90:
        return 'A'
    elif score >= 80:
        return 'B'
    elif score >= 70:
        return 'C'
    else:
        return 'F'
print([grade(s) for s in [95, 90, 85, 72, 10]])
for v in [0, 1, '', 'x', [], [0], None]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 15
if x > 10:
    if x % 2:
        print('big odd')
    else:
        print('big even')
if x < 0:
    print('never')
elif x == 15:
    pass
print('after pass')
if x: print('one-line if')
