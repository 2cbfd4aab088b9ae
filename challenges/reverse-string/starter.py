def reverse_iterative(s):
    pass


def reverse_recursive(s):
    pass
