if (True := False):
    print("never")
