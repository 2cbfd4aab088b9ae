# TreeNode(val=0, left=None, right=None) is provided.

def height(root):
    pass
