# challenge: merge-two-lists
# expect: wrong_answer
# A node whose attributes are computed on access is read from its __dict__, which is empty.
class ListNode:
    def __getattr__(self, name):
        return None


def merge_two_lists(l1, l2):
    return ListNode()
