# Checks isdigit, isalpha, isalnum, isspace, isupper, islower on various strings.
samples = ['123', 'abc', 'abc123', '   ', '', 'ABC', 'abc', 'Abc', '12.5', 'é', '\t\n', 'A1!', '٣']
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print('Hello World'.isupper(), 'hello world'.islower(), 'HELLO 123'.isupper(), '123'.islower())
def classify(ch):
    if ch.isdigit():
        return 'digit'
    if ch.isalpha():
        return 'upper' if ch.isupper() else 'lower'
    if ch.isspace():
        return 'space'
    return 'other'
print([classify(c) for c in 'aB3 _Z\n'])
print(sum(c.isdigit() for c in 'a1b22c333'), ''.join(c for c in 'r2d2-c3po' if c.isalpha()))
