# Checks implicit exception chaining via __context__.
try:
    try:
        [][1]
    except IndexError:
        {}['missing']
except KeyError as e:
    print(type(e).__name__, e)
    print('context:', type(e.__context__).__name__, e.__context__)
    print('cause:', e.__cause__)
try:
    try:
        raise ValueError('first')
    finally:
        print('in finally')
except ValueError as e:
    print(e, e.__context__)
def chain3():
    try:
        try:
            raise TypeError('a')
        except TypeError:
            raise ValueError('b')
    except ValueError:
        raise KeyError('c')
try:
    chain3()
except KeyError as e:
    names = []
    cur = e
    while cur is not None:
        names.append(type(cur).__name__)
        cur = cur.__context__
    print(names)
