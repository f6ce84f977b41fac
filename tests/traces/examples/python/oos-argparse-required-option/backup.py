import argparse

parser = argparse.ArgumentParser(description="Back up the uploads folder.")
parser.add_argument("--target", required=True, help="where to write the archive")
parser.add_argument("--dry-run", action="store_true")
args = parser.parse_args()
print("backing up to", args.target)
