# Checks that with raise ... from ..., the last stderr line is the outer exception.
class ConfigError(Exception):
    pass
def load():
    try:
        return {}['path']
    except KeyError as e:
        raise ConfigError('could not load config') from e
print('loading')
load()
