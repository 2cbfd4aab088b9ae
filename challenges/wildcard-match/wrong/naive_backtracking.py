def wildcard_match(pattern, text):
    if not pattern:
        return not text
    if pattern[0] == "*":
        # Either the star matches nothing, or it eats one character and stays.
        return wildcard_match(pattern[1:], text) or (bool(text) and wildcard_match(pattern, text[1:]))
    if text and (pattern[0] == "?" or pattern[0] == text[0]):
        return wildcard_match(pattern[1:], text[1:])
    return False
