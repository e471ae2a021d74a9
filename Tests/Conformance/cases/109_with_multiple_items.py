# Checks with statements with several context managers and their enter/exit order.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError('enter failed ' + self.name)
        print('enter', self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else '-')
        return False
with CM('a') as a, CM('b') as b:
    print('body', a, b)
with CM('x'), CM('y'), CM('z'):
    print('three')
try:
    with CM('p') as p, CM('q') as q:
        raise ValueError('inside')
except ValueError as e:
    print('caught', e)
try:
    with CM('ok'), CM('bad', fail_enter=True):
        print('not reached')
except RuntimeError as e:
    print('caught', e)
with CM('outer'):
    with CM('inner'):
        print('nested')
