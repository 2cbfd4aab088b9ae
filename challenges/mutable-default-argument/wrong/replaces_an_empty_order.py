def new_order(item, order=None):
    if not order:
        order = []
    order.append(item)
    return order


def take_orders(items):
    return [new_order(item) for item in items]
