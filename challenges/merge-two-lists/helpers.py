class ListNode:
    """A node of a singly linked list: a value and the next node (or None)."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        values, node, seen = [], self, set()
        while node is not None and id(node) not in seen and len(values) < 20:
            seen.add(id(node))
            values.append(repr(node.val))
            node = node.next
        more = " -> ..." if node is not None else ""
        return "ListNode(" + " -> ".join(values) + more + ")"
