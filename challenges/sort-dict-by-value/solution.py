def sort_by_value(d, reverse=False):
    items = sorted(d.items(), key=lambda item: item[0])   # ties: ascending keys
    items.sort(key=lambda item: item[1], reverse=reverse) # stable, even reversed
    return dict(items)
