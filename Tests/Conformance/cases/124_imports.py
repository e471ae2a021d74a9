# Checks the allowed import forms: import, import as, from-import (names and aliases).
import math
import math as m
from math import sqrt, pi
from math import floor as fl
import os, sys
from os import getpid
import random
import time
import threading
print(math.sqrt(16), m.sqrt(25), sqrt(36))
print(pi == math.pi, m is math)
print(fl(3.7))
print(getpid() == os.getpid())
print(sys.maxsize > 0, random.random() < 1, time.time() > 0, threading.current_thread().name)
def local_import():
    import math as mm
    from math import factorial
    return mm.floor(2.5) + factorial(4)
print(local_import())
import math
print(math.ceil(1.2))
try:
    from math import no_such_function
except ImportError as e:
    print(type(e).__name__)
