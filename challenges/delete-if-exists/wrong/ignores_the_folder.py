import os


def delete_if_exists(path):
    name = os.path.basename(path)
    if os.path.exists(name):
        os.remove(name)
        return True
    return False
