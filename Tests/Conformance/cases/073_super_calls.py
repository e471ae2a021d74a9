# Checks zero-argument super() in __init__ and regular methods, including cooperative chains.
class Base:
    def __init__(self, name):
        print('Base.__init__', name)
        self.name = name
    def greet(self):
        return 'Base greet ' + self.name
class Child(Base):
    def __init__(self, name, age):
        print('Child.__init__')
        super().__init__(name)
        self.age = age
    def greet(self):
        return super().greet() + ' (child, ' + str(self.age) + ')'
c = Child('kid', 7)
print(c.name, c.age)
print(c.greet())
class L1:
    def __init__(self):
        print('L1')
        super().__init__()
class L2:
    def __init__(self):
        print('L2')
        super().__init__()
class Both(L1, L2):
    def __init__(self):
        print('Both')
        super().__init__()
Both()
class Shape:
    def area(self):
        return 0
    def info(self):
        return type(self).__name__ + ' area=' + str(self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
    def info(self):
        return '[' + super().info() + ']'
print(Square(3).info())
