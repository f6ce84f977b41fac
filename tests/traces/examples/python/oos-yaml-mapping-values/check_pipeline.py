import yaml

with open("pipeline.yml") as fh:
    pipeline = yaml.safe_load(fh)
print(sorted(pipeline["jobs"]))
