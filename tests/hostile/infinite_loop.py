# challenge: is-prime
# expect: time_limit
def is_prime(n):
    while True:
        pass
