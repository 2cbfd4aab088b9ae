# challenge: merge-two-lists
# expect: wrong_answer
# Comparing linked lists reads the nodes, not ListNode.__eq__.
ListNode.__eq__ = lambda self, other: True
ListNode.__hash__ = lambda self: 0


def merge_two_lists(l1, l2):
    return ListNode(42)
