# ListNode(val=0, next=None) is provided.

def merge_two_lists(l1, l2):
    pass
