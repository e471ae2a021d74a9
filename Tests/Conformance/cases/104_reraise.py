# Checks bare raise re-raising the current exception and raising in handlers.
def inner():
    raise ValueError('original')
def middle():
    try:
        inner()
    except ValueError:
        print('middle saw it, re-raising')
        raise
try:
    middle()
except ValueError as e:
    print('outer got', e)
def convert():
    try:
        int('x')
    except ValueError as e:
        raise TypeError('converted: ' + str(e))
try:
    convert()
except TypeError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__)
def log_and_raise():
    try:
        {}['key']
    except KeyError as e:
        err = e
        print('logging', repr(err))
        raise err
try:
    log_and_raise()
except KeyError as e:
    print('got', e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
