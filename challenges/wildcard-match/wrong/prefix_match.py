def wildcard_match(pattern, text):
    p = t = 0
    star = -1
    mark = 0
    while p < len(pattern):
        if t < len(text) and (pattern[p] == "?" or pattern[p] == text[t]):
            p += 1
            t += 1
        elif pattern[p] == "*":
            star = p
            mark = t
            p += 1
        elif star != -1 and mark < len(text):
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    return True
