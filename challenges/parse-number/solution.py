def parse_number(text):
    try:
        return int(text)
    except ValueError:
        return float(text)  # raises ValueError itself when text is not a number
