# Checks str()/int() round-trips of big integers and digit manipulation.
n = 2 ** 300
s = str(n)
print(s)
print(len(s), int(s) == n, int('-' + s) == -n)
print(str(-(3 ** 150)))
print(int('9' * 50) + 1)
print(sum(int(d) for d in str(3 ** 200)))
print(str(10 ** 50)[::-1].lstrip('0') or '0')
digits = [int(c) for c in str(12345)]
print(digits, int(''.join(map(str, digits[::-1]))))
def to_base(n, b):
    chars = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    out = ''
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = chars[r] + out
    return '-' + out if neg else out
print(to_base(255, 2), to_base(255, 16), to_base(-255, 36), to_base(2 ** 100, 36))
print(int(to_base(2 ** 100, 36), 36) == 2 ** 100)
print(f'{2 ** 100:,}', f'{-(2 ** 70):x}', format(10 ** 25, '_'))
print(repr(10 ** 30), 10 ** 30 // 3 * 3 + 10 ** 30 % 3 == 10 ** 30)
