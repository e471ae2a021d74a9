# Checks class attributes vs instance attributes, shadowing and shared mutable class attributes.
class Config:
    level = 1
    shared = []
    def __init__(self, name):
        self.name = name
a = Config('a')
b = Config('b')
print(a.level, b.level, Config.level)
a.level = 5
print(a.level, b.level, Config.level)
Config.level = 9
print(a.level, b.level, Config.level)
del a.level
print(a.level)
a.shared.append('from a')
print(b.shared, Config.shared)
b.shared = ['own']
print(a.shared, b.shared)
print('level' in a.__dict__, 'name' in a.__dict__)
print(hasattr(Config, 'name'), hasattr(a, 'name'))
class Consts:
    PI = 3.14
    E = 2.72
    def area(self, r):
        return self.PI * r * r
print(round(Consts().area(2), 2), Consts.PI)
