def remove_duplicates(s):
    kept = []
    for ch in s:
        if ch not in kept:
            kept.append(ch)
    return kept
