# Checks slicing on str, tuple and bytes, including negative steps.
s = 'Hello, World'
print(s[0:5], s[7:], s[-5:], s[::-1])
print(s[::2], s[1::3], s[-1::-2])
print(repr(s[5:3]), repr(s[20:]))
t = (10, 20, 30, 40, 50)
print(t[1:3], t[::-1], t[-2:], t[::2])
print(t[4:1:-1])
b = b'abcdef'
print(b[1:4], b[::-1], b[::2], b[-2:])
print(b[0], b[-1])
print('racecar'[::-1] == 'racecar')
word = 'python'
print(word[:2] + word[2:])
print(word[-1], word[len(word) - 1])
try:
    word[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b'ab'[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    word[0] = 'P'
except TypeError as e:
    print(type(e).__name__, e)
