def join_words(words, sep):
    return "".join(str(word) + sep for word in words)
