name = input("What is your name? ")
# Ask for the age, then greet.
