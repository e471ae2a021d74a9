# sys._is_gil_enabled() (CPython 3.13's name) tells a program whether this run has a GIL.
# CPython 3.11 has no such function (its GIL is always on), so this claim is engine-specific.
# Run it without -X (the test does): the answer follows $PYTHON_GIL. `-X gil=0` makes it False.
import os
import sys

enabled = sys._is_gil_enabled()
assert enabled is True or enabled is False
assert enabled == (os.environ.get("PYTHON_GIL", "1") != "0"), enabled
try:
    sys._is_gil_enabled(1)
except TypeError:
    pass
else:
    raise AssertionError("takes no arguments")
print("ok")
