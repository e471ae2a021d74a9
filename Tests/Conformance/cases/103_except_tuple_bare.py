# Checks except with a tuple of types, bare except, and exception hierarchy matching.
def risky(kind):
    if kind == 'key':
        return {}['k']
    if kind == 'index':
        return [][0]
    if kind == 'zero':
        return 1 / 0
    if kind == 'type':
        return 'a' + 1
    return 'ok'
for kind in ['key', 'index', 'zero', 'type', 'none']:
    try:
        print(risky(kind))
    except (KeyError, IndexError) as e:
        print('lookup error:', type(e).__name__)
    except ArithmeticError as e:
        print('arith:', e)
    except:
        print('bare except caught something')
try:
    raise IndexError('idx')
except LookupError as e:
    print('LookupError handler got', type(e).__name__, e)
try:
    raise KeyError('k')
except Exception as e:
    print('Exception handler got', repr(e))
try:
    undefined_name_xyz
except NameError as e:
    print(type(e).__name__, e)
try:
    x = 1
    del x
    print(x)
except NameError as e:
    print(type(e).__name__, e)
e = 'before'
try:
    raise ValueError('v')
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print('e deleted after except:', type(err).__name__)
