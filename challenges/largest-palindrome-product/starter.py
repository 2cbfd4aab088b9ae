def largest_palindrome_product(digits):
    pass
