def largest_palindrome_product(digits):
    low = 10 ** (digits - 1)
    high = 10 ** digits - 1
    for a in range(high, low - 1, -1):
        for b in range(high, low - 1, -1):
            text = str(a * b)
            if text == text[::-1]:
                return a * b
    return 0
