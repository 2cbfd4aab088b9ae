def largest_palindrome_product(digits):
    low = 10 ** (digits - 1)
    high = 10 ** digits - 1
    best = 0
    for a in range(low, high + 1):
        for b in range(low, high + 1):
            product = a * b
            text = str(product)
            if text == text[::-1] and product > best:
                best = product
    return best
