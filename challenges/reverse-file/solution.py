with open("data.txt") as f:
    lines = f.read().splitlines()
for line in reversed(lines):
    print(line)
