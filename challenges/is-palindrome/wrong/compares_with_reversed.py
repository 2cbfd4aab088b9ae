def is_palindrome(seq):
    return seq == reversed(seq)
