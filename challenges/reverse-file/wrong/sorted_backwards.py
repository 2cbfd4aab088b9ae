with open("data.txt") as f:
    lines = f.read().splitlines()
for line in sorted(lines, reverse=True):
    print(line)
