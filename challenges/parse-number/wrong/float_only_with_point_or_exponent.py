def parse_number(text):
    # A float needs a decimal point or an exponent; anything else must be an int.
    if "." in text or "e" in text.lower():
        return float(text)
    return int(text)
