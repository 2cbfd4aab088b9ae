def height(root):
    if root is None:
        return 0
    levels = 0
    level = [root]
    while level:
        levels += 1
        next_level = []
        for node in level:
            if node.left is not None:
                next_level.append(node.left)
            if node.right is not None:
                next_level.append(node.right)
        level = next_level
    return levels
