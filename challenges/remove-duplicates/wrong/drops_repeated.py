def remove_duplicates(s):
    return "".join(ch for ch in s if s.count(ch) == 1)
