def sort_by_value(d, reverse=False):
    if len(d) <= 1:
        return d  # nothing to order: hands back the caller's dict itself
    items = sorted(d.items(), key=lambda item: item[0])
    items.sort(key=lambda item: item[1], reverse=reverse)
    return dict(items)
