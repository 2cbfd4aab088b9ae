def new_order(item, current=None):
    if current is None:
        current = []
    current.append(item)
    return current


def take_orders(items):
    return [new_order(item) for item in items]
