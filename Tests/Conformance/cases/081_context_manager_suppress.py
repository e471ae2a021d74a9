# Checks that __exit__ returning True suppresses the exception and receives its details.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print('no exception')
            return False
        if issubclass(exc_type, self.types):
            print('suppressing', exc_type.__name__, '-', exc)
            return True
        print('not suppressing', exc_type.__name__)
        return False
with Suppress(ZeroDivisionError):
    print(1 / 0)
print('continued 1')
with Suppress(KeyError, IndexError):
    [][3]
print('continued 2')
with Suppress(KeyError):
    print('fine')
try:
    with Suppress(KeyError):
        int('nope')
except ValueError as e:
    print('propagated', e)
class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.seen = (t.__name__, str(v), isinstance(v, t))
        return True
with Recorder() as rec:
    raise RuntimeError('recorded')
print(rec.seen)
