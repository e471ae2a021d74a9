# Checks try/except/else/finally in all combinations and their execution order.
def attempt(x):
    try:
        print('try', x)
        r = 10 // x
    except ZeroDivisionError:
        print('except')
        return 'error'
    else:
        print('else', r)
        return r
    finally:
        print('finally')
print(attempt(2))
print(attempt(0))
try:
    print('only try/finally')
finally:
    print('finally runs')
try:
    pass
except Exception:
    print('not printed')
else:
    print('else without exception')
try:
    try:
        raise KeyError('inner')
    finally:
        print('inner finally')
except KeyError as e:
    print('outer caught', e)
try:
    raise ValueError('v')
except TypeError:
    print('wrong handler')
except ValueError as e:
    print('right handler', e)
except Exception:
    print('too general')
try:
    [].pop()
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print('bare class raised, message:', repr(str(e)))
