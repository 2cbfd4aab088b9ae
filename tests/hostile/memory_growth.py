# challenge: is-prime
# expect: memory_limit
def is_prime(n):
    hoard = []
    while True:
        hoard.append(bytearray(16 * 1024 * 1024))
