def join_words(words, sep):
    return sep.join(str(word) for word in words)
