# Checks eval() on simple arithmetic expression strings.
print(eval('1+2+3-4'))
print(eval('2 * (3 + 4)'))
print(eval('10 // 3'))
print(eval('1+2+3-4') == 2)
print(eval('2 ** 10'))
print(eval(' 7 - 10 '))
print(eval('3 * 4 + 5 * 6'))
exprs = ['1+1', '9-3*2', '(8 + 2) * 5', '100 // 7 % 5']
for e in exprs:
    print(e, '=', eval(e))
print(type(eval('1 + 2.5')).__name__, eval('1 + 2.5'))
