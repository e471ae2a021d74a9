# Checks __eq__ and __lt__ on custom classes and sorting lists of objects.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return 'v' + str(self.major) + '.' + str(self.minor)
vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(2, 1), Version(1, 2)]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(min(vs), max(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1))
print(Version(1, 0) < Version(1, 1), Version(2, 0) > Version(1, 5))
print(Version(1, 2) in vs, vs.count(Version(1, 2)), vs.index(Version(1, 0)))
vs.sort()
print(vs)
class Plain:
    pass
p1 = Plain()
print(p1 == p1, p1 == Plain(), p1 != Plain())
try:
    Plain() < Plain()
except TypeError as e:
    print(type(e).__name__, e)
