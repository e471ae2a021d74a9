# Checks decorator factories that take arguments.
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def ping(x):
    return 'ping' + str(x)
print(ping(1))
def prefix(tag, sep=': '):
    def deco(fn):
        def wrapper(msg):
            return tag + sep + fn(msg)
        return wrapper
    return deco
@prefix('INFO')
def info(m):
    return m
@prefix('WARN', sep=' - ')
def warn(m):
    return m.upper()
print(info('started'))
print(warn('disk low'))
def validate(min_value):
    def deco(fn):
        def wrapper(v):
            if v < min_value:
                raise ValueError('value ' + str(v) + ' below ' + str(min_value))
            return fn(v)
        return wrapper
    return deco
@validate(0)
def root(v):
    return v ** 0.5
print(root(16))
try:
    root(-4)
except ValueError as e:
    print(type(e).__name__, e)
