# LOAD_GLOBAL results are cached per thread; every change to globals or builtins must be seen at once.
import builtins
import threading

counter = 1


def read():
    return counter


def read_len(x):
    return len(x)


print(read())
counter = 2
print(read())
globals()["counter"] = 3
print(read())
for i in range(5):
    counter = i
    print(read(), end=" ")
print()

# A global shadowing a builtin, then removed again.
print(read_len([1, 2, 3]))
len = lambda x: "shadowed"
print(read_len([1, 2, 3]))
del len
print(read_len([1, 2, 3]))

# Builtins themselves changing.
builtins.answer = 41


def read_answer():
    return answer


print(read_answer())
builtins.answer = 42
print(read_answer())
del builtins.answer
try:
    read_answer()
except NameError as e:
    print("NameError:", e)

# Deleting a global.
del counter
try:
    read()
except NameError as e:
    print("NameError:", e)

# The same code run with other globals.
code_globals = {"value": "first"}
exec("def get(): return value", code_globals)
print(code_globals["get"]())
code_globals["value"] = "second"
print(code_globals["get"]())
other = {"value": "other"}
exec("r = get.__code__", code_globals)
print(eval("value", other))

# Another thread rebinding a global the main thread reads in a loop.
flag = False
started = threading.Event()


def flip():
    global flag
    started.wait()
    flag = True


t = threading.Thread(target=flip)
t.start()
seen = 0
started.set()
while not flag:
    seen += 1
t.join()
print("flag seen:", flag)
