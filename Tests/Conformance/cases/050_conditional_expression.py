# Checks conditional (ternary) expressions including nesting and laziness.
for n in [-5, 0, 5]:
    print('neg' if n < 0 else 'zero' if n == 0 else 'pos')
x = 10
y = x * 2 if x > 5 else x / 2
print(y)
def loud(v):
    print('computing', v)
    return v
print(loud('A') if True else loud('B'))
print(loud('A') if False else loud('B'))
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
print((lambda v: 'big' if v > 100 else 'small')(500))
print(max(1, 2) if None else min(1, 2))
