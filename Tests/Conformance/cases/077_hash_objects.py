# Checks __hash__ with __eq__ so objects work as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return 'Key(' + repr(self.a) + ', ' + repr(self.b) + ')'
d = {Key(1, 'x'): 'first'}
d[Key(1, 'x')] = 'replaced'
d[Key(2, 'y')] = 'second'
print(len(d), d[Key(1, 'x')])
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s), Key(2, 2) in s)
print(sorted(s, key=lambda k: k.a))
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)
class Default:
    pass
x = Default()
dd = {x: 1}
print(dd[x], Default() in dd)
print(hash(1) == 1, hash('abc') == hash('abc'), hash((1, 2)) == hash((1, 2)))
