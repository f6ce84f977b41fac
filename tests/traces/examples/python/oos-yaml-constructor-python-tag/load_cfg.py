import yaml

with open("plot.yml") as fh:
    cfg = yaml.safe_load(fh)
print(cfg)
