import os


def delete_if_exists(path):
    pass
