# Checks a class-level counter incremented in __init__ and instance ids from it.
class Widget:
    created = 0
    def __init__(self, label):
        Widget.created += 1
        self.id = Widget.created
        self.label = label
    def __repr__(self):
        return 'Widget#' + str(self.id) + '(' + self.label + ')'
    @classmethod
    def total(cls):
        return cls.created
ws = [Widget(c) for c in 'abc']
print(ws)
print(Widget.created, Widget.total(), ws[0].created)
Widget('d')
print(Widget.total())
class Special(Widget):
    pass
s = Special('s')
print(s, Widget.created, Special.created)
