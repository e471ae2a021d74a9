# Checks center, ljust, rjust (with fill chars) and zfill.
print('[' + 'hi'.center(10) + ']')
print('[' + 'hi'.center(9, '*') + ']')
print('[' + 'odd'.center(8, '-') + ']')
print('[' + 'hi'.ljust(6) + ']', '[' + 'hi'.rjust(6) + ']')
print('[' + 'hi'.ljust(6, '.') + ']', '[' + 'hi'.rjust(6, '0') + ']')
print('[' + 'toolong'.center(3) + ']', '[' + 'toolong'.ljust(2) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(5), '12345'.zfill(3))
for name, qty in [('apple', 3), ('kiwi', 12), ('watermelon', 1)]:
    print(name.ljust(12, '.') + str(qty).rjust(4))
print('é'.center(5, '*'), '你好'.rjust(4, '_'))
