def remove_duplicates(s):
    pass
