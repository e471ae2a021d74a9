# Exceptions: try/except/else/finally, raising and catching in a loop,
# custom exception classes, propagation through calls.


class AppError(Exception):
    def __init__(self, code):
        self.code = code


class NotFound(AppError):
    pass


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1) + 1


def run():
    d = {}
    for i in range(0, 1000, 3):
        d[i] = i * 2
    caught = 0
    total = 0
    finals = 0
    for i in range(60000):
        k = i % 1000
        try:
            total += lookup(d, k)
        except NotFound as e:
            caught += 1
            total += e.code % 7
        except AppError:
            total -= 1000000
        else:
            total += 1
        finally:
            finals += 1
    for i in range(20000):
        try:
            if i % 4 == 0:
                raise KeyError(i)
            x = 10 // (i % 5)
            total += x
        except ZeroDivisionError:
            caught += 1
        except (KeyError, IndexError):
            caught += 2
    for i in range(3000):
        try:
            deep(i % 20)
        except ValueError as e:
            caught += len(str(e))
    xs = [1, 2, 3]
    for i in range(20000):
        try:
            total += xs[i % 5]
        except IndexError:
            caught += 1
    for i in range(10000):
        try:
            try:
                raise AppError(i)
            except AppError as e:
                raise NotFound(e.code + 1)
        except NotFound as e:
            total += e.code % 3
    return (total, caught, finals)


def main():
    result = None
    for rnd in range(10):
        result = run()
    print("exceptions", result[0], result[1], result[2])


main()
