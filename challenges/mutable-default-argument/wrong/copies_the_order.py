def new_order(item, order=None):
    order = [] if order is None else list(order)
    order.append(item)
    return order


def take_orders(items):
    return [new_order(item) for item in items]
