# challenge: is-prime
# expect: time_limit
import time


def is_prime(n):
    time.sleep(10**6)
