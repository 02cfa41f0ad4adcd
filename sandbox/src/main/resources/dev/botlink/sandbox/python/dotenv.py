"""python-dotenv stand-in: bots have no files or environment, so loading a .env file is a harmless no-op."""


def load_dotenv(*args, **kwargs):
    return False


def dotenv_values(*args, **kwargs):
    return {}


def find_dotenv(*args, **kwargs):
    return ''
