def dfs(graph, start):
    order = []
    seen = set()

    def visit(node):
        seen.add(node)
        order.append(node)
        for neighbour in graph.get(node, []):
            if neighbour not in seen:
                visit(neighbour)

    visit(start)
    return order
