# challenge: is-prime
# expect: memory_limit
def is_prime(n):
    x = bytearray(2 * 1024**3)
    return True
