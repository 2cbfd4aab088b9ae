def wildcard_match(pattern, text):
    # match[j]: does the pattern so far match text[:j]? A '*' on either side matches a run.
    n = len(text)
    match = [True] + [False] * n
    for j in range(1, n + 1):
        match[j] = match[j - 1] and text[j - 1] == "*"
    for c in pattern:
        row = [match[0] and c == "*"] + [False] * n
        for j in range(1, n + 1):
            t = text[j - 1]
            if c == "*" or t == "*":
                row[j] = match[j] or row[j - 1]
            else:
                row[j] = match[j - 1] and (c == "?" or c == t)
        match = row
    return match[n]
