# challenge: merge-two-lists
# mode: submit
# expect: wrong_answer
# A class of our own named ListNode, whose instance dict lies when read:
# helper classes are known by identity, and only exact dicts are read.
class Lying(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        return 0


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def merge_two_lists(a, b):
    node = ListNode(0)
    try:
        node.__dict__ = Lying(val=0, next=None)
    except TypeError:
        pass
    return node
