name = input("What is your name? ").strip()
age = int(input("How old are you? "))
print(f"Hello, {name}! Next year you will be {age + 1}.")
