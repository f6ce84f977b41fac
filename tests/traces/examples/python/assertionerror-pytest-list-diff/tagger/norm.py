def normalise(tags):
    return [t.strip().lower() for t in tags]
