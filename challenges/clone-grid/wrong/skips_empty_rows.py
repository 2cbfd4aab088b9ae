def clone_grid(grid):
    return [row[:] for row in grid if row]
