def clone_grid(grid):
    return grid
