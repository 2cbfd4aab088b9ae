def new_order(item, order=None):
    if order is None:
        order = []
    order.append(item)
    return order


def take_orders(menu):
    return [new_order(item) for item in menu]
