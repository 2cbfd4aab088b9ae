def largest_palindrome_product(digits):
    low = 10 ** (digits - 1)
    high = 10 ** digits - 1
    best = 0
    for a in range(low, high):
        for b in range(a, high):
            product = a * b
            text = str(product)
            if product > best and text == text[::-1]:
                best = product
    return best
