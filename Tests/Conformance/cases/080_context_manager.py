# Checks with-statement __enter__/__exit__ ordering, `as` binding and exception info.
class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Managed('a') as value:
    print('inside', value)
print('after first')
try:
    with Managed('b'):
        print('about to fail')
        raise ValueError('boom')
        print('not reached')
except ValueError as e:
    print('caught', e)
def use():
    with Managed('c'):
        return 'returned from with'
print(use())
for i in range(3):
    with Managed('loop' + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print('body', i)
class Res:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print('exit args count', len(args), args[0] is None)
with Res() as r:
    print(type(r).__name__)
