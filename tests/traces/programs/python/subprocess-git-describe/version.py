import subprocess


def build_version() -> str:
    out = subprocess.run(
        ["git", "describe", "--tags", "--always", "--dirty"],
        check=True, capture_output=False, stdout=subprocess.PIPE, text=True,
    )
    return out.stdout.strip()


if __name__ == "__main__":
    print("building", build_version())
