# challenge: is-prime
# expect: runtime_error
# contains: RecursionError
# contains: "function":"spiral"
def spiral(n):
    return spiral(n + 1)


def is_prime(n):
    return spiral(n)
