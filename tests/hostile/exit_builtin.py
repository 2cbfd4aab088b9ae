# challenge: is-prime
# expect: exited
def is_prime(n):
    exit(3)
