# Checks __repr__ and __str__: print uses str, containers use repr, fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return 'Money(' + str(self.cents) + ')'
    def __str__(self):
        return '$' + str(self.cents // 100) + '.' + str(self.cents % 100).zfill(2)
m = Money(1234)
print(m)
print(str(m), repr(m))
print([m, Money(5)])
print((m,), {'k': m})
print(f'{m} {m!r}')
print('%s %r' % (m, m))
class OnlyRepr:
    def __repr__(self):
        return '<OnlyRepr>'
o = OnlyRepr()
print(o, str(o), [o])
class OnlyStr:
    def __str__(self):
        return 'only-str'
s = OnlyStr()
print(s, str(s))
print(str(s) == format(s))
print(repr('text'), str('text'), repr(1.5), repr([1, 'a']))
