# challenge: is-prime
# expect: exited
# contains: sys.exit
import sys


def is_prime(n):
    sys.exit(3)
