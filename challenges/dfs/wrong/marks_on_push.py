def dfs(graph, start):
    order = []
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        order.append(node)
        for neighbour in reversed(graph.get(node, [])):
            if neighbour not in seen:
                seen.add(neighbour)
                stack.append(neighbour)
    return order
