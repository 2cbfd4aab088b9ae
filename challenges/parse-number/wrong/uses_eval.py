def parse_number(text):
    value = eval(text)
    if not isinstance(value, (int, float)):
        raise ValueError("not a number: %r" % text)
    return value
