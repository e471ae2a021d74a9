# Checks assert with and without messages and AssertionError contents.
assert True
assert 1 + 1 == 2, 'math works'
try:
    assert 1 > 2
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert False, 'custom message'
except AssertionError as e:
    print(type(e).__name__, e)
x = [1, 2]
try:
    assert len(x) == 3, f'expected 3 items, got {len(x)}'
except AssertionError as e:
    print(e)
try:
    assert x, 'not printed'
    assert not x, ('tuple', 'message')
except AssertionError as e:
    print(e.args)
def checked(n):
    assert isinstance(n, int), 'n must be int'
    return n * 2
print(checked(4))
try:
    checked('4')
except AssertionError as e:
    print('caught:', e)
