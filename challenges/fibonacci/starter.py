def fibonacci(n):
    pass
