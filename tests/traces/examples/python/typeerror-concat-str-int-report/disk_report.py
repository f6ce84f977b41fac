import os
import sys


def scan(root):
    count, size = 0, 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            count += 1
            size += os.path.getsize(os.path.join(dirpath, name))
    return count, size


def main(root):
    count, size = scan(root)
    print("Scanned " + root)
    print("Files: " + count)
    print("Size: " + str(size // 1024) + " KiB")


main(sys.argv[1])
