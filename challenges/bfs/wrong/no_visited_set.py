from collections import deque


def bfs(graph, start):
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for neighbour in graph.get(node, []):
            queue.append(neighbour)
    return order
