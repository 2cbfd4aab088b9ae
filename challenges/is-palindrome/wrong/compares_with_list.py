def is_palindrome(seq):
    return seq == list(reversed(seq))
