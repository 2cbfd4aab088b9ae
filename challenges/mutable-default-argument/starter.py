def new_order(item, order=[]):
    """Add item to order (a list) and return it; start a new order when none is given."""
    order.append(item)
    return order


def take_orders(items):
    """Start one new order for each item; return the list of orders."""
    return [new_order(item) for item in items]
