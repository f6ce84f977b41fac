import os

DSN = os.environ["DATABASE_URL"]


def connect():
    print("connecting to", DSN)


if __name__ == "__main__":
    connect()
