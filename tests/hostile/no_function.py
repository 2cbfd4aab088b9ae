# challenge: is-prime
# expect: wrong_answer
# contains: does not define is_prime
def isPrime(n):
    return True
