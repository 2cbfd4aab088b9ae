def parse_number(text):
    value = float(text)
    if value.is_integer():
        return int(value)
    return value
