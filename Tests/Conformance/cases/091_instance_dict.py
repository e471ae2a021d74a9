# Checks printing an instance's __dict__ and how it changes with assignments.
class Person:
    species = 'human'
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person('Ann', 30)
print(p.__dict__)
p.email = 'ann@example.com'
print(p.__dict__)
del p.age
print(p.__dict__)
p.age = 31
print(p.age)
print('species' in p.__dict__, p.species)
class Empty:
    pass
print(Empty().__dict__)
q = Person('Bob', 5)
q.name = 'Robert'
print(q.__dict__, list(q.__dict__.keys()))
