# Checks an uncaught user-defined exception is reported without the __main__ prefix.
class ValidationError(Exception):
    pass
def validate(age):
    if age < 0:
        raise ValidationError(f'age must be non-negative, got {age}')
    return age
print(validate(5))
try:
    validate(-5)
except ValidationError as e:
    print('caught', e)
validate(-1)
