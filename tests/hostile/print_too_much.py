# challenge: is-prime
# expect: output_limit
def is_prime(n):
    for i in range(30000):
        print("x" * 50)
    return n == 2 or (n > 2 and all(n % d for d in range(2, int(n ** 0.5) + 1)))
