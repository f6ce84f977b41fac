import sys
import tarfile

with tarfile.open(sys.argv[1]) as tf:
    print(tf.getnames()[:5])
