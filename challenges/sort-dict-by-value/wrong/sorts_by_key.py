def sort_by_value(d, reverse=False):
    return dict(sorted(d.items(), reverse=reverse))
