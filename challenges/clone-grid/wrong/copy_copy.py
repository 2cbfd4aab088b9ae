import copy


def clone_grid(grid):
    return copy.copy(grid)
