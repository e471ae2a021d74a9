# Checks an uncaught TypeError from concatenating str and int.
count = 3
print('count is ' + str(count))
print(f'count is {count}')
try:
    'x' + 1
except TypeError as e:
    print('caught', e)
label = 'items: '
print('next line fails')
print(label + count)
