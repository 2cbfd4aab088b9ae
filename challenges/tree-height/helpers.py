class TreeNode:
    """A node of a binary tree: a value and two children (TreeNode or None)."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(%r)" % (self.val,)
