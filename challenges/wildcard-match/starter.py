def wildcard_match(pattern, text):
    # '?' matches exactly one character, '*' any run of characters (even none).
    return False
