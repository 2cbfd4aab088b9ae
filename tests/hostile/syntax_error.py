# challenge: is-prime
# expect: syntax_error
# contains: "line":5
def is_prime(n):
    return n >
