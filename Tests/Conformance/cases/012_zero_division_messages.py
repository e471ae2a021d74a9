# Checks ZeroDivisionError messages for int and float division, floor division and modulo.
ops = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("1.0 // 0", lambda: 1.0 // 0),
    ("1.0 % 0", lambda: 1.0 % 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("big // 0", lambda: (10 ** 30) // 0),
    ("0 ** -1", lambda: 0 ** -1),
]
for label, fn in ops:
    try:
        fn()
        print(label, "no error")
    except ZeroDivisionError as e:
        print(label, "->", type(e).__name__ + ":", e)
print(isinstance(ZeroDivisionError(), ArithmeticError))
print("done")
