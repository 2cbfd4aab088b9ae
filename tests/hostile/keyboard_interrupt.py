# challenge: is-prime
# expect: runtime_error
# contains: KeyboardInterrupt
def is_prime(n):
    raise KeyboardInterrupt
