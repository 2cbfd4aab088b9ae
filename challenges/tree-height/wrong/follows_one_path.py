def height(root):
    levels = 0
    node = root
    while node is not None:
        levels += 1
        node = node.left if node.left is not None else node.right
    return levels
