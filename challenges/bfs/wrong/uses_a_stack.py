def bfs(graph, start):
    order = [start]
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for neighbour in graph.get(node, []):
            if neighbour not in seen:
                seen.add(neighbour)
                order.append(neighbour)
                stack.append(neighbour)
    return order
