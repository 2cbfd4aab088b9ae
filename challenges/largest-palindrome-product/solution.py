def largest_palindrome_product(digits):
    low = 10 ** (digits - 1)
    high = 10 ** digits - 1
    best = 0
    for a in range(high, low - 1, -1):
        if a * high <= best:
            break
        for b in range(high, a - 1, -1):
            product = a * b
            if product <= best:
                break
            text = str(product)
            if text == text[::-1]:
                best = product
                break
    return best
