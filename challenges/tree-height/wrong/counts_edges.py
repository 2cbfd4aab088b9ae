def height(root):
    if root is None:
        return 0
    edges = -1
    level = [root]
    while level:
        edges += 1
        level = [child for node in level for child in (node.left, node.right) if child is not None]
    return edges
