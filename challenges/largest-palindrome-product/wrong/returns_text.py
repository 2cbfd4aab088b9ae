def largest_palindrome_product(digits):
    low = 10 ** (digits - 1)
    high = 10 ** digits - 1
    best = "0"
    for a in range(high, low - 1, -1):
        if a * high <= int(best):
            break
        for b in range(high, a - 1, -1):
            text = str(a * b)
            if int(text) <= int(best):
                break
            if text == text[::-1]:
                best = text
                break
    return best
