# challenge: is-prime
# expect: time_limit
# Swallowing every exception does not stop the clock.
def is_prime(n):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
