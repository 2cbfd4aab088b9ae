def parse_number(text):
    text = text.strip()
    if text.lstrip("-").isnumeric():
        return int(text)
    return float(text)
