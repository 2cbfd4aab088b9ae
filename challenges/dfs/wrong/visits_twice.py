def dfs(graph, start):
    order = []
    seen = set()
    stack = [start]
    while stack:
        node = stack.pop()
        seen.add(node)
        order.append(node)
        for neighbour in reversed(graph.get(node, [])):
            if neighbour not in seen:
                stack.append(neighbour)
    return order
