# Checks @staticmethod, @classmethod alternative constructors and cls in subclasses.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = s.split('-')
        return cls(int(y), int(m), int(d))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return type(self).__name__ + '(' + str(self.y) + ', ' + str(self.m) + ', ' + str(self.d) + ')'
d = Date.from_string('2024-03-15')
print(d)
print(Date.is_leap(2024), Date.is_leap(1900), d.is_leap(2000))
class MyDate(Date):
    pass
print(MyDate.from_string('1999-12-31'))
class Counter:
    count = 0
    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count
    @staticmethod
    def helper(x):
        return x * 2
print(Counter.bump(), Counter.bump(), Counter().bump())
print(Counter.helper(21), Counter().helper(1))
class Sub(Counter):
    pass
print(Sub.bump(), Counter.count, Sub.count)
