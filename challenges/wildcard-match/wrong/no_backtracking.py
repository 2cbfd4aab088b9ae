def wildcard_match(pattern, text):
    p = t = 0
    while p < len(pattern):
        if pattern[p] == "*":
            p += 1
            if p == len(pattern):
                return True
            # Skip ahead to the next place the following pattern character fits.
            while t < len(text) and pattern[p] != "?" and text[t] != pattern[p]:
                t += 1
        elif t < len(text) and (pattern[p] == "?" or pattern[p] == text[t]):
            p += 1
            t += 1
        else:
            return False
    return t == len(text)
