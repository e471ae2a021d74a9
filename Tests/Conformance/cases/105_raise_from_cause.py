# Checks raise X from Y, __cause__, and raise X from None suppressing context.
class AppError(Exception):
    pass
def load(key):
    try:
        return {'a': 1}[key]
    except KeyError as e:
        raise AppError('missing config ' + key) from e
try:
    load('b')
except AppError as e:
    print(type(e).__name__, e)
    print('cause:', type(e.__cause__).__name__, e.__cause__)
    print('context is cause:', e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('clean') from None
except ValueError as e:
    print(e, e.__cause__)
    print(type(e.__context__).__name__)
try:
    raise RuntimeError('outer') from ValueError('explicit cause')
except RuntimeError as e:
    print(e, '<-', repr(e.__cause__))
e2 = ValueError('plain')
print(e2.__cause__, e2.__context__)
