import os


def delete_if_exists(path):
    if os.path.exists(path):
        os.remove(path)
    return os.path.exists(path)
