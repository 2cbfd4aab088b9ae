# grows like: 2^n
def fib(k):
    return k if k < 2 else fib(k - 1) + fib(k - 2)


def fibonacci(n):
    return [fib(k) for k in range(n)]
