# Print the lines of data.txt, last line first.
