def join_words(words, sep):
    result = ""
    return result
