# Checks an uncaught ValueError from int() on a non-numeric string.
values = ['10', '20', 'thirty']
total = 0
print(int(' 5 '))
try:
    int('five')
except ValueError as e:
    print('caught', e)
for v in values:
    total += int(v)
    print('running total', total)
print('never printed')
