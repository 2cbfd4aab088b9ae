def is_palindrome(seq):
    for i in range(1, len(seq) // 2):
        if seq[i] != seq[-i - 1]:
            return False
    return True
