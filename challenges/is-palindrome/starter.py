def is_palindrome(seq):
    pass
