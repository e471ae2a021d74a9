# Attributes of user exception instances are read and stored through their __dict__ directly when the
# class has nothing of that name; class attributes, properties, args and __getattr__ keep their rules.

class AppError(Exception):
    kind = "app"

    def __init__(self, code, detail=None):
        self.code = code
        if detail is not None:
            self.detail = detail


class NotFound(AppError):
    @property
    def label(self):
        return "nf-%d" % self.code


class Lazy(Exception):
    def __getattr__(self, name):
        return "lazy:" + name


def raiser(n):
    if n % 2:
        raise NotFound(n, detail="odd")
    raise AppError(n)


total = 0
for i in range(6):
    try:
        raiser(i)
    except NotFound as e:
        total += e.code
        print(type(e).__name__, e.code, e.detail, e.kind, e.label, e.args, sorted(vars(e)))
    except AppError as e:
        total += e.code * 10
        e.kind = "instance"
        print(type(e).__name__, e.code, e.kind, AppError.kind, e.args, hasattr(e, "detail"))
        try:
            e.detail
        except AttributeError as err:
            print("AttributeError", err)
print(total)

e = NotFound(3)
try:
    e.label = "x"
except AttributeError as err:
    print("AttributeError", err)
e.extra = [1, 2]
e.code += 1
print(e.code, e.extra, e.label, e.__dict__)
print(Lazy().missing, Lazy("a").args)
k = KeyError("k")
k.note = "n"
print(k.note, k.args, repr(k))
try:
    try:
        raise AppError(1)
    except AppError as first:
        raise NotFound(first.code + 1) from first
except NotFound as second:
    print(second.code, type(second.__cause__).__name__, second.__cause__.code, second.__context__ is second.__cause__)
