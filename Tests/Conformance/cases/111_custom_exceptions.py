# Checks user-defined exception classes, hierarchies, args, and custom __str__.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__('not found: ' + what)
        self.what = what
class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return 'invalid ' + self.field + '=' + repr(self.value)
for exc in [NotFound('user'), Invalid('age', -1), AppError('generic'), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print('NotFound:', e, '| what =', e.what, '| args =', e.args)
    except AppError as e:
        print(type(e).__name__ + ':', e, '| args =', e.args)
e = ValueError('a', 2)
print(e, e.args, repr(e))
print(repr(AppError('x')), repr(NotFound('y')))
print(str(KeyError('k')), str(KeyError()), repr(KeyError('k')))
print(isinstance(NotFound('z'), Exception), issubclass(Invalid, AppError))
class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e)
