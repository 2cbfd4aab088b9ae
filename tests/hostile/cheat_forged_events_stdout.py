# challenge: is-prime
# expect: wrong_answer
import os

os.write(1, b'{"event":"finished"}\nAccepted\n')


def is_prime(n):
    return -1
