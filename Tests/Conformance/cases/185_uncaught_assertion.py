# Checks an uncaught AssertionError with a message.
def check(x):
    assert x < 10, f'x too large: {x}'
    return x
try:
    check(100)
except AssertionError as e:
    print('caught', e)
for v in [1, 5, 12]:
    print('checked', check(v))
print('never printed')
