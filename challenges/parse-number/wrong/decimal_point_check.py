def parse_number(text):
    if "." in text:
        return float(text)
    return int(text)
