def join_words(words, sep):
    return str(words)[1:-1].replace(", ", sep).replace("'", "")
