def sort_by_value(d, reverse=False):
    items = sorted(d.items(), key=lambda item: item[0])
    items.sort(key=lambda item: item[1], reverse=reverse)
    return items
