# challenge: is-prime
# expect: runtime_error
# contains: NameError
# contains: "line":5
undefined_thing()


def is_prime(n):
    return True
