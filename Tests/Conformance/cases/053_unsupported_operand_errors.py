# Checks TypeError messages for unsupported operand types and bad concatenation.
tests = [
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [1] + 1,
    lambda: [1] + (1,),
    lambda: 1 - 'a',
    lambda: 'a' * 'b',
    lambda: {} + {},
    lambda: None + 1,
    lambda: 1.5 + 'x',
    lambda: 'x' - 'y',
    lambda: -'abc',
    lambda: 2 ** 'x',
    lambda: 3 < 'a',
    lambda: [] > 1,
    lambda: 'abc'[1.5],
    lambda: len(5),
    lambda: 5(),
    lambda: None[0],
    lambda: 'a' // 2,
    lambda: (1, 2) + [3],
]
for t in tests:
    try:
        t()
        print('no error')
    except TypeError as e:
        print(type(e).__name__ + ':', e)
