grid = [[0, 1, 0], [0, 1, 0], [0, 1, 0]]
alive = sum(grid[r, c] for r in range(3) for c in range(3))
print(alive)
