# challenge: is-prime
# expect: exited
# contains: os._exit
import os


def is_prime(n):
    os._exit(0)
