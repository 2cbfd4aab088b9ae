def parse_number(text):
    return float(text)
