# challenge: is-prime
# expect: time_limit
# Close the descriptor the judge reports on, then never stop: the parent
# still enforces the time limit (it used to wait forever for the process).
import os

for fd in (2, 1):
    try:
        os.close(fd)
    except OSError:
        pass
    try:
        open(fd, "w", closefd=True).close()
    except (OSError, ValueError):
        pass

while True:
    pass


def is_prime(n):
    return n > 1
