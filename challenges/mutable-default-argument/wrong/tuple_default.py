def new_order(item, order=()):
    return order + (item,)


def take_orders(items):
    return [new_order(item) for item in items]
