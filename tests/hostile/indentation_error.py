# challenge: is-prime
# expect: syntax_error
def is_prime(n):
return True
