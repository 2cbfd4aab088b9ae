# challenge: is-prime
# expect: exited
# Leaving with status 0 from inside the function is not a pass.
def is_prime(n):
    raise SystemExit(0)
