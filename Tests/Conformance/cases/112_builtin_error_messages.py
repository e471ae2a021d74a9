# Checks exact messages of common built-in exceptions.
cases = [
    lambda: {'a': 1}['b'],
    lambda: [1, 2, 3][3],
    lambda: (1,)[-2],
    lambda: 'abc'[5],
    lambda: int('abc'),
    lambda: int('4.5'),
    lambda: float('abc'),
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: {}.pop('x'),
    lambda: [1, 2].index(9),
    lambda: 'abc'.index('z'),
    lambda: [1].remove(2),
    lambda: set().pop(),
    lambda: set().remove(3),
    lambda: next(iter([])),
    lambda: chr(-1),
    lambda: max([]),
    lambda: min([]),
    lambda: undefined_thing,
    lambda: ''.join([1, 2]),
    lambda: sum(['a', 'b']),
    lambda: 'abc'.split(''),
    lambda: sorted([3, 'a']),
    lambda: dict([1, 2]),
    lambda: hash([]),
    lambda: iter(5),
    lambda: object().x,
]
for c in cases:
    try:
        c()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
