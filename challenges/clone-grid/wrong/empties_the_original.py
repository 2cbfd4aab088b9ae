def clone_grid(grid):
    copy = []
    while grid:
        copy.append(list(grid.pop(0)))
    return copy
