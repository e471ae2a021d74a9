# Checks simple decorators that wrap functions and preserve behaviour.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
@shout
def hello(name):
    return 'hello ' + name
print(hello('world'))
print(hello.__name__)
calls = []
def logged(fn):
    def wrapper(*args):
        calls.append(fn.__name__)
        print('calling', fn.__name__, 'with', args)
        result = fn(*args)
        print('returned', result)
        return result
    return wrapper
@logged
def add(a, b):
    return a + b
add(2, 3)
add(10, -1)
print(calls)
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def alpha():
    return 'a'
@register
def beta():
    return 'b'
print(registry, alpha(), beta.__name__)
def counted(fn):
    count = 0
    def wrapper(*a):
        nonlocal count
        count += 1
        return fn(*a)
    def get_count():
        return count
    return wrapper, get_count
def noop():
    pass
noop, noop_count = counted(noop)
noop()
noop()
print(noop_count())
