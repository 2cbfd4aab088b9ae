def parse_number(text):
    if text.isdigit():
        return int(text)
    return float(text)
