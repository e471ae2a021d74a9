# Traceback text: frames, source lines and ~~^~~ markers.
def inner():
    raise ValueError("bad value")
def outer():
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
outer()
