def clone_grid(grid):
    if not grid:
        return []
    # Build an empty grid of the same shape, then fill it in.
    result = [[None] * len(grid[0])] * len(grid)
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            result[r][c] = cell
    return result
