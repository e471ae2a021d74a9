# Checks single inheritance, method overriding, and inherited attributes.
class Animal:
    kind = 'animal'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' makes a sound'
    def describe(self):
        return self.name + ' is a ' + self.kind + ': ' + self.speak()
class Dog(Animal):
    kind = 'dog'
    def speak(self):
        return self.name + ' says woof'
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + ' (squeaky)'
class Cat(Animal):
    pass
for a in [Animal('generic'), Dog('Rex'), Puppy('Bit'), Cat('Tom')]:
    print(a.describe())
print(isinstance(Puppy('x'), Animal), issubclass(Puppy, Dog), issubclass(Cat, Dog))
print(Puppy.kind, Cat.kind)
print([c.__name__ for c in Puppy.__mro__])
print(issubclass(Dog, object), isinstance(Dog('d'), object))
