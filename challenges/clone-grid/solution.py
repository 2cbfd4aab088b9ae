def clone_grid(grid):
    return [list(row) for row in grid]
