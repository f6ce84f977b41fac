import sys


def main(argv):
    print("syncing contacts", "(dry run)" if "--dry-run" in argv else "")


if __name__ == "__main__":
    main(sys.argv[1:])
