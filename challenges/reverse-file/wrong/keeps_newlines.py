with open("data.txt") as f:
    lines = f.readlines()
for line in reversed(lines):
    print(line)
