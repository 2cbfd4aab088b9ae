import os


def delete_if_exists(path):
    if path in os.listdir("."):
        os.remove(path)
        return True
    return False
