def is_palindrome(seq):
    if isinstance(seq, str):
        seq = seq.replace(" ", "").lower()
    return seq == seq[::-1]
