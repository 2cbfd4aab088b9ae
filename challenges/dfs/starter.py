def dfs(graph, start):
    # graph maps each node to the list of its neighbours.
    pass
