import argparse


def main(argv=None):
    parser = argparse.ArgumentParser(prog="backup")
    parser.add_argument("target")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    return 0 if args.dry_run else 1
