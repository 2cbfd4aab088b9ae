# challenge: greeting
# expect: wrong_answer
# Replacing sys.stdout hides output; it does not invent the right output.
import io
import sys

sys.stdout = io.StringIO()
print("Hello, Ada! Next year you will be 37.")
