def remove_duplicates(s):
    seen = set()
    kept = []
    for ch in s:
        if ch.lower() not in seen:
            seen.add(ch.lower())
            kept.append(ch)
    return "".join(kept)
