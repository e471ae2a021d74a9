# Checks an uncaught IndexError from a list lookup in a loop.
items = ['a', 'b', 'c']
print(len(items), items[-1])
try:
    items[3]
except IndexError as e:
    print('caught', e)
for i in range(5):
    print(i, items[i])
print('never printed')
