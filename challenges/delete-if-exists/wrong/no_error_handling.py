import os


def delete_if_exists(path):
    os.remove(path)
    return True
