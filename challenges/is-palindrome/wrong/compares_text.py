def is_palindrome(seq):
    text = "".join(str(item) for item in seq)
    return text == text[::-1]
