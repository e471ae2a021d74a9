# Checks an exception raised inside an except block: the last stderr line is the new exception.
def risky():
    return [1, 2][5]
try:
    risky()
except IndexError as e:
    print('handled quietly:', e)
try:
    print(risky())
except IndexError as e:
    print('handling', type(e).__name__)
    raise TypeError('failed while handling')
