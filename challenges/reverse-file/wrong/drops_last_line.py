with open("data.txt") as f:
    lines = f.read().split("\n")[:-1]
for line in reversed(lines):
    print(line)
