def load_env(path):
    with open(path) as fh:
        return dict(line.strip().split("=", 1) for line in fh if "=" in line)


env = load_env("secrets.env")
print("loaded", len(env), "secrets")
