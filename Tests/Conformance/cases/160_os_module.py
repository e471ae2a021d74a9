# Checks os module helpers with deterministic outputs only.
import os
print(os.getpid() > 0)
print(isinstance(os.getpid(), int))
print(os.getppid() != os.getpid())
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1)
print(isinstance(os.getcwd(), str))
print(os.environ.get('NO_SUCH_VAR_XYZ', 'default'))
print(os.environ.get('NO_SUCH_VAR_XYZ'))
print('PATH' in os.environ)
print('NO_SUCH_VAR_XYZ' in os.environ)
print(isinstance(os.environ.get('PATH'), str))
from os import getpid
print(getpid() == os.getpid())
