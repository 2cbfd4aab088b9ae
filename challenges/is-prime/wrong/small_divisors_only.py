def is_prime(n):
    if n < 2:
        return False
    for d in (2, 3, 5, 7):
        if n % d == 0:
            return n == d
    return True
