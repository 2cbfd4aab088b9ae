def new_order(item, order=[]):
    order.append(item)
    return order


def take_orders(items):
    # Passing a fresh list each time hides the shared default from take_orders only.
    return [new_order(item, []) for item in items]
