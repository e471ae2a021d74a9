# Checks __name__ of functions, lambdas and builtins, with docstrings present but unused.
def documented(x):
    """Return x doubled.

    The docstring should not affect behaviour.
    """
    return x * 2
def empty_body():
    """Only a docstring."""
print(documented(4))
print(documented.__name__)
print(empty_body())
print((lambda: 0).__name__)
print(len.__name__, print.__name__)
class K:
    """Class docstring."""
    def method(self):
        """Method docstring."""
        return 'm'
print(K().method(), K.method.__name__, K.__name__)
def outer():
    def inner_func():
        pass
    return inner_func
print(outer().__name__)
print(__name__)
