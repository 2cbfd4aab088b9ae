def height(root):
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        count += 1
        stack.append(node.left)
        stack.append(node.right)
    return count
