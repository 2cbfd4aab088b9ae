def new_order(item, order=None):
    if order is None:
        order = []
    order.append(item)
    return order


def take_orders(items):
    orders = [[]] * len(items)
    for i, item in enumerate(items):
        new_order(item, orders[i])
    return orders
