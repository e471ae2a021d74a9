# Checks None/True/False singletons, truthiness, and their repr.
print(None, True, False)
print(repr(None), str(True))
print(None is None, None == None, None is not False)
print(type(None).__name__)
def f():
    pass
print(f())
print(f() is None)
x = None
print(x or 'default')
print(not None, not True, not False)
print(True and None, False or None)
print([None, True, False])
print(None == 0, False == 0, None == False)
if not x:
    print('x is falsy')
print(bool(None) == False)
