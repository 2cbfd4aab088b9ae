# challenge: is-prime
# expect: memory_limit
def is_prime(n):
    x = [0] * 10**10
    return True
