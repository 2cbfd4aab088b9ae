def new_order(item, order=None):
    if order is None:
        order = []
    return order.append(item)


def take_orders(items):
    return [new_order(item) for item in items]
