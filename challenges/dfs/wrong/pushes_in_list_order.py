def dfs(graph, start):
    order = []
    seen = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for neighbour in graph.get(node, []):
            if neighbour not in seen:
                stack.append(neighbour)
    return order
