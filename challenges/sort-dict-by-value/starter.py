def sort_by_value(d, reverse=False):
    pass
