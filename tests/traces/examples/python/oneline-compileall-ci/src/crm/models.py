class Contact:
    pass
