# Checks callable(), chr(), ord() including non-ASCII code points.
print(chr(65), chr(97), chr(48), chr(233), chr(20320), chr(128512) == '\U0001F600')
print(ord('A'), ord('z'), ord('0'), ord('é'), ord('你'), ord(' '))
print(''.join(chr(c) for c in range(ord('a'), ord('f'))))
print([ord(c) for c in 'Hi!'])
print(chr(ord('a') - 32))
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord('a') if ch.islower() else ord('A')
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return ''.join(out)
print(caesar('Hello, World!', 3), caesar(caesar('Hello, World!', 3), -3))
class C:
    def __call__(self):
        return 1
def f():
    pass
print(callable(f), callable(C), callable(C()), callable(lambda: 0), callable(print))
print(callable(1), callable('s'), callable([]), callable(None))
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
