def fibonacci(n):
    result = []
    a, b = 0, 1
    for _ in range(n + 1):
        result.append(a)
        a, b = b, a + b
    return result[:n] if n < 2 else result
