def clone_grid(grid):
    return list(grid)
